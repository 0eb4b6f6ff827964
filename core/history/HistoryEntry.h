#pragma once

#include "net/HttpTypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace promdesk {

/// One request as the history keeps it: sent as it was, with secrets masked, and the answer verbatim.
struct HistoryEntry
{
    qint64 id = 0;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0; // 0 while the outcome is unknown (still running, or the process died)
    RequestTag tag;
    Credentials::Kind authKind = Credentials::Kind::None;
    QString authUser; // the basic-auth user (for TMP the APPID); the secret is never kept
    QByteArray method;
    QString url;                // redacted
    HttpHeaders requestHeaders; // redacted; Authorization shows its scheme only
    QByteArray requestBody;     // up to the cap
    qint64 requestBodySize = 0;
    bool requestBodyTruncated = false;
    QString outcome = QStringLiteral("unknown"); // ok, or an ErrorCategory name, or unknown
    int status = 0;
    HttpHeaders responseHeaders;
    QByteArray responseBody;     // up to the cap
    qint64 responseBodySize = 0; // as the server sent it
    bool responseBodyTruncated = false;
    bool redacted = false; // secrets the server echoed were masked before storing
    qint64 durationMs = 0;
    QString errorText;
    std::optional<qint64> samplesWritten;
    std::optional<qint64> arrivalMs; // a live job's tick: how long until its data showed
    QString arrival;                 // the arrival check's verdict ("arrived after 1.8 s", "not visible…")

    [[nodiscard]] QByteArray requestHeader(const QByteArray &name) const;
    // A backfill's or a live job's own entry: it stands for the requests under it and is not one
    // that can be sent again.
    [[nodiscard]] bool isGroup() const { return tag.operation == u"backfill" || tag.operation == u"job"; }
};

} // namespace promdesk
