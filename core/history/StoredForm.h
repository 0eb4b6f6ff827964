#pragma once

// How the history stores what it keeps: request and answer bodies compressed (and a child
// entry's body relative to its parent's), and header lists as JSON. HistoryDatabase's own; no
// other code reads the stored form.
#include "net/HttpTypes.h"

#include <QByteArray>
#include <QString>

namespace promdesk::detail {

// The first byte of a stored body says how the rest is stored: 0 raw, 1 zlib, 2 snappy, 3
// deflated against the parent's body, 4 the parent's body itself.
constexpr char kSameAsParent = '\4';
constexpr char kDeflatedAgainstParent = '\3';

QByteArray pack(const QByteArray &body, bool alreadyCompressed = false);
QByteArray unpack(const QByteArray &stored);
// A body as raw deflate with the parent's body as the preset dictionary (empty on failure), and
// back; `size` is the body's size as recorded.
QByteArray deflateAgainst(const QByteArray &body, const QByteArray &dictionary);
QByteArray inflateAgainst(const QByteArray &stored, const QByteArray &dictionary, qint64 size);
bool relativeToParent(const QByteArray &stored);

QString headersToJson(const HttpHeaders &headers);
HttpHeaders headersFromJson(const QString &json);

} // namespace promdesk::detail
