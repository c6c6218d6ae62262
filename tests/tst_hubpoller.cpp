#include <QTest>
class TestHubPoller : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestHubPoller)
#include "tst_hubpoller.moc"
