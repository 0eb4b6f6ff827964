#include "history/HistoryDatabase.h"

#include <sqlite3.h>

namespace promdesk {

HistoryFault historyFaultFromSqliteCode(int code)
{
    switch (code & 0xff) { // the primary code of an extended one
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return HistoryFault::None;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return HistoryFault::Locked;
    case SQLITE_FULL:
        return HistoryFault::Full;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return HistoryFault::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return HistoryFault::Corrupt;
    case SQLITE_CANTOPEN:
        return HistoryFault::CannotOpen;
    default:
        return HistoryFault::Other;
    }
}

QString HistoryError::describe() const
{
    QString what;
    switch (fault) {
    case HistoryFault::None:
        return {};
    case HistoryFault::Locked:
        what = QStringLiteral("the history file is locked by another process");
        break;
    case HistoryFault::Full:
        what = QStringLiteral("the disk is full");
        break;
    case HistoryFault::ReadOnly:
        what = QStringLiteral("the history file or its folder is read-only");
        break;
    case HistoryFault::Corrupt:
        what = QStringLiteral("the history file is damaged");
        break;
    case HistoryFault::CannotOpen:
        what = QStringLiteral("the history file cannot be opened");
        break;
    case HistoryFault::Other:
        what = QStringLiteral("the history cannot be written");
        break;
    }
    return detail.isEmpty() ? what : what + QStringLiteral(" (") + detail + QLatin1Char(')');
}

} // namespace promdesk
