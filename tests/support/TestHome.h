#pragma once

#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace promdesk::test {

// Points PromDesk's data and settings directories at a home no earlier call used: a test that
// calls this from init() starts without the settings, history, draft or profiles of another.
// The homes live until the test program ends.
inline void enterFreshHome()
{
    static QTemporaryDir homes;
    static int count = 0;
    const QString home = homes.filePath(QStringLiteral("home-%1").arg(++count));
    qputenv("PROMDESK_DATA_DIR", QFile::encodeName(home + QStringLiteral("/data")));
    qputenv("PROMDESK_CONFIG_DIR", QFile::encodeName(home + QStringLiteral("/config")));
}

} // namespace promdesk::test
