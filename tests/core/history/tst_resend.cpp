// A history entry made ready to go out again: where it goes and what it refuses.
#include "history/Resend.h"
#include "net/Redactor.h"

#include <QTest>

using namespace promdesk;

namespace {

HistoryEntry writeEntry(const QString &url)
{
    HistoryEntry entry;
    entry.id = 7;
    entry.method = "POST";
    entry.url = url;
    entry.requestBody = "snappy bytes";
    entry.tag.operation = QStringLiteral("write");
    entry.tag.target = QStringLiteral("remote-write");
    entry.tag.profile = QStringLiteral("first");
    return entry;
}

Profile writeProfile(const QString &name, const QString &remoteWriteUrl)
{
    Profile profile;
    profile.name = name;
    profile.kind = ProfileKind::RemoteWrite;
    profile.remoteWriteUrl = remoteWriteUrl;
    return profile;
}

} // namespace

class TestResend : public QObject
{
    Q_OBJECT

private slots:
    void goesWhereTheOtherProfileWrites_data();
    void goesWhereTheOtherProfileWrites();
    void sendsWhereItWentWithItsOwnProfile();
    void refusesWhatCannotBeSentExactly_data();
    void refusesWhatCannotBeSentExactly();
};

void TestResend::goesWhereTheOtherProfileWrites_data()
{
    QTest::addColumn<QString>("otherUrl");
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("another-host-and-path")  << "https://other:9443/api/v1/prom/write" << "https://other:9443/api/v1/prom/write";
    QTest::newRow("escaped-slash-in-path")  << "http://other:9090/team%2Fa/api/v1/write" << "http://other:9090/team%2Fa/api/v1/write";
    QTest::newRow("escaped-space-and-percent") << "http://other:9090/team%20a/50%25/write" << "http://other:9090/team%20a/50%25/write";
    // clang-format on
}

void TestResend::goesWhereTheOtherProfileWrites()
{
    QFETCH(QString, otherUrl);
    QFETCH(QString, expected);
    const QList<Profile> profiles{
        writeProfile(QStringLiteral("first"), QStringLiteral("http://first:9090/api/v1/write")),
        writeProfile(QStringLiteral("second"), otherUrl)};
    const ResendRequest resend = prepareResend(writeEntry(QStringLiteral("http://first:9090/api/v1/write")), profiles,
                                               QStringLiteral("second"));
    QVERIFY2(resend.ok(), qPrintable(resend.error));
    QCOMPARE(resend.request.url.toString(QUrl::FullyEncoded), expected);
    QCOMPARE(resend.request.tag.profile, QStringLiteral("second"));
    QCOMPARE(resend.request.tag.resendOf, 7);
    QCOMPARE(resend.request.body, QByteArray("snappy bytes"));
}

void TestResend::sendsWhereItWentWithItsOwnProfile()
{
    const QString url = QStringLiteral("http://first:9090/team%2Fa/api/v1/write");
    const ResendRequest resend
        = prepareResend(writeEntry(url), {writeProfile(QStringLiteral("first"), QStringLiteral("http://x:1/"))});
    QVERIFY2(resend.ok(), qPrintable(resend.error));
    QCOMPARE(resend.request.url.toString(QUrl::FullyEncoded), url);
}

void TestResend::refusesWhatCannotBeSentExactly_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("error");
    QTest::newRow("a-backfill-entry") << "group"
                                      << "re-send one of the requests under it";
    QTest::newRow("a-body-kept-in-part") << "truncated"
                                         << "kept only part of its body";
    QTest::newRow("a-secret-in-the-url") << "redacted"
                                         << "had a secret in it";
    QTest::newRow("a-profile-that-is-gone") << "no-profile"
                                            << "choose a profile to send it with";
}

void TestResend::refusesWhatCannotBeSentExactly()
{
    QFETCH(QString, what);
    QFETCH(QString, error);
    HistoryEntry entry = writeEntry(QStringLiteral("http://first:9090/api/v1/write"));
    if (what == u"group")
        entry.tag.operation = QStringLiteral("backfill");
    else if (what == u"truncated")
        entry.requestBodyTruncated = true;
    else if (what == u"redacted")
        entry.url = QStringLiteral("http://first:9090/api/v1/write?token=") + QString::fromUtf8(kRedacted);
    else
        entry.authKind = Credentials::Kind::Bearer;
    const ResendRequest resend = prepareResend(entry, {});
    QVERIFY(!resend.ok());
    QVERIFY2(resend.error.contains(error), qPrintable(resend.error));
}

QTEST_GUILESS_MAIN(TestResend)
#include "tst_resend.moc"
