#pragma once

#include "net/HttpTypes.h"

#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace promdesk::test {

// Runs an asynchronous core call to completion in a local event loop (tests only), with a
// deadline so a hung call fails the test instead of hanging it.
template <typename Result>
Result awaitCall(const std::function<void(QObject *, std::function<void(const Result &)>)> &start,
                 int deadlineMs = 60000)
{
    QEventLoop loop;
    Result result{};
    bool done = false;
    start(&loop, [&](const Result &value) {
        result = value;
        done = true;
        loop.quit();
    });
    if (!done) {
        QTimer::singleShot(deadlineMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

} // namespace promdesk::test
