#include "tests/support/silentserver.h"

namespace mcphub::test {

SilentServer::SilentServer()
{
    m_server.listen(QHostAddress::LocalHost);
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            m_held << socket; // children of the server
    });
}

} // namespace mcphub::test
