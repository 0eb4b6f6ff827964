#include "exposition/Problem.h"

namespace promdesk {

QString severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

QString formatProblem(const Problem &problem)
{
    return problem.file + QLatin1Char(':') + QString::number(problem.line) + QLatin1Char(':')
        + QString::number(problem.column) + QLatin1String(": ") + severityName(problem.severity) + QLatin1String(": ")
        + problem.message + QLatin1String(" [") + problem.code + QLatin1Char(']');
}

} // namespace promdesk
