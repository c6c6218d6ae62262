#pragma once

#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace mcphub::test {

// A server on 127.0.0.1 that takes every TCP connection and never answers (the kernel accepts
// even while no event loop runs): what a database server frozen, or a host whose service
// hangs, looks like to libpq, which then waits for its connect_timeout. The connections are
// held (and seen closed by the other side) until it is destroyed.
class SilentServer
{
public:
    SilentServer();
    // On `address` and `port` (0: one the system chooses); isListening() says whether it could.
    SilentServer(const QHostAddress &address, quint16 port);
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    const QList<QTcpSocket *> &held() const { return m_held; }

private:
    QTcpServer m_server;
    QList<QTcpSocket *> m_held;
};

} // namespace mcphub::test
