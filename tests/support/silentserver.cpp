#include "tests/support/silentserver.h"

namespace mcphub::test {

SilentServer::SilentServer()
    : SilentServer(QHostAddress::LocalHost, 0)
{}

SilentServer::SilentServer(const QHostAddress &address, quint16 port)
{
    m_server.listen(address, port);
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            m_held << socket; // children of the server
    });
}

} // namespace mcphub::test
