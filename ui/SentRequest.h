#pragma once

#include "net/HttpClient.h"

#include <QDateTime>
#include <QString>

namespace promdesk::ui {

// A request a view sent, named as the operator knows it, so that its answer is always shown with
// it: profile, method, URL and the time it left.
struct SentRequest
{
    QString profile;
    QString method;
    QString url; // as shown, with no secret in it
    QDateTime sentAt;

    // "PUT http://gw:9091/metrics/job/x · profile "sandbox" · sent 14:02:07"
    [[nodiscard]] QString describe() const;
};

// Tells whether an answer still belongs to what a view shows. A view moves on when it sends
// something new or its profile changes; an answer that comes later is for the history (and a
// notice), never for the view's pane.
class ViewEpoch
{
public:
    [[nodiscard]] quint64 moveOn() { return ++m_current; }
    [[nodiscard]] bool isCurrent(quint64 epoch) const { return epoch == m_current; }

private:
    quint64 m_current = 0;
};

// The notice for an answer that came after its view moved on: what it was, what came back.
QString lateAnswerNotice(const SentRequest &request, const QString &view, const HttpResult &result,
                         const QString &summary);

} // namespace promdesk::ui
