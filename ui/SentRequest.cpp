#include "SentRequest.h"

#include <QCoreApplication>

namespace promdesk::ui {

QString SentRequest::describe() const
{
    return QCoreApplication::translate("SentRequest", "%1 %2 · profile \"%3\" · sent %4")
        .arg(method, url, profile, sentAt.toString(QStringLiteral("HH:mm:ss")));
}

QString lateAnswerNotice(const SentRequest &request, const QString &view, const HttpResult &result,
                         const QString &summary)
{
    const QString outcome
        = result.status ? QStringLiteral("HTTP %1").arg(result.status) : errorCategoryName(result.category);
    return QCoreApplication::translate("SentRequest",
                                       "Late answer, not shown in %1 (it moved on): %2 → %3: %4 History has it.")
        .arg(view, request.describe(), outcome, summary);
}

} // namespace promdesk::ui
