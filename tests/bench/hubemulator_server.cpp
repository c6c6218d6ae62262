// A separate process serving N emulated hubs on 127.0.0.1, so that a benchmark measures the
// console's CPU time alone. Prints "PORT <n>" per hub, then "READY"; exits when stdin closes.

#include "tests/support/hubemulator.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace mcphub::test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 100;
    std::vector<std::unique_ptr<HubEmulator>> hubs;
    for (int i = 0; i < count; ++i) {
        auto hub = std::make_unique<HubEmulator>();
        hub->setMode(HubEmulator::Mode::Database);
        if (i % 10 == 9)
            hub->setHealth(HubEmulator::Health::Degraded);
        if (!hub->listen()) {
            std::fprintf(stderr, "cannot listen on 127.0.0.1\n");
            return 2;
        }
        std::printf("PORT %d\n", int(hub->port()));
        hubs.push_back(std::move(hub));
    }
    std::printf("READY\n");
    std::fflush(stdout);
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            app.quit();
    });
    return app.exec();
}
