#include "history/HistoryDatabase.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HistoryError)
};

} // namespace

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
        what = Tr::tr("the history file is locked by another process");
        break;
    case HistoryFault::Full:
        what = Tr::tr("the disk is full");
        break;
    case HistoryFault::ReadOnly:
        what = Tr::tr("the history file or its folder is read-only");
        break;
    case HistoryFault::Corrupt:
        what = Tr::tr("the history file is damaged");
        break;
    case HistoryFault::CannotOpen:
        what = Tr::tr("the history file cannot be opened");
        break;
    case HistoryFault::Other:
        what = Tr::tr("the history cannot be written");
        break;
    }
    //: %1 says what went wrong with the history, %2 is the database's own message
    return detail.isEmpty() ? what : Tr::tr("%1 (%2)").arg(what, detail);
}

} // namespace promdesk
