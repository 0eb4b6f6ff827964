#pragma once

#include "history/HistoryEntry.h"

#include <QByteArray>
#include <QString>

namespace promdesk {

/// A history entry as a curl command line, with the body file it needs, if any.
struct CurlExport
{
    QString command;     // a shell command that repeats the request
    QByteArray bodyFile; // when not empty: write this next to the command, as `bodyFileName`
    QString bodyFileName;
    QString note; // what the user must provide (the secret's environment variable)
    // Why no command can repeat the request (its body was kept only in part); then nothing else
    // is set.
    QString refusal;
};

/// How exportCurl writes the command: the secret revealed or read from the environment, and where
/// binary bodies go.
struct CurlOptions
{
    QString revealedSecret; // empty: the command reads $PROMDESK_SECRET instead
    QString bodyDirectory;  // where a binary body goes; text bodies are inlined when empty
};

// The request as curl: the same method, URL, headers and bytes. Binary bodies (protobuf, snappy,
// gzip) go to a file sent with --data-binary @file; the secret is never written unless revealed.
CurlExport exportCurl(const HistoryEntry &entry, const CurlOptions &options);

} // namespace promdesk
