#include "GroupsView.h"
#include "StatusColors.h"

#include "ToolTips.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "model/NumberFormat.h"
#include "net/Redactor.h"
#include "pushgateway/GroupPruning.h"
#include "pushgateway/PushgatewayClient.h"
#include "pushgateway/ServerMessage.h"
#include "util/Time.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace promdesk::ui {

namespace {

enum Column { ColumnGroup, ColumnLastPush, ColumnAge, ColumnState, ColumnFamilies };
constexpr int kGroupIndexRole = Qt::UserRole;
constexpr int kAgeRole = Qt::UserRole + 1;
constexpr int kGoneChecks = 4;    // lists after a delete, at most
constexpr int kGoneCheckMs = 250; // apart

QString age(qint64 seconds)
{
    if (seconds < 120)
        return QObject::tr("%1 s").arg(seconds);
    if (seconds < 7200)
        return QObject::tr("%1 min").arg(seconds / 60);
    if (seconds < 172800)
        return QObject::tr("%1 h").arg(seconds / 3600);
    return QObject::tr("%1 days").arg(seconds / 86400);
}

} // namespace

GroupsView::GroupsView(ConsoleContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("groupsView"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("groupsFilter"));
    m_filter->setAccessibleName(tr("Filter groups"));
    m_filter->setPlaceholderText(tr("Filter by job or label…"));
    m_filter->setClearButtonEnabled(true);
    m_staleMinutes = new QSpinBox;
    m_staleMinutes->setObjectName(QStringLiteral("staleMinutes"));
    m_staleMinutes->setRange(0, 60 * 24 * 365);
    m_staleMinutes->setSpecialValueText(tr("any age"));
    m_staleMinutes->setSuffix(tr(" min"));
    auto *staleLabel = new QLabel(tr("Not pushed for &longer than:"));
    staleLabel->setBuddy(m_staleMinutes);
    auto *refreshButton = new QPushButton(tr("Re&fresh"));
    auto *deleteButton = new QPushButton(tr("&Delete selected…"));
    deleteButton->setObjectName(QStringLiteral("deleteGroups"));
    auto *wipeButton = new QPushButton(tr("&Wipe gateway…"));
    bar->addWidget(m_filter, 1);
    bar->addWidget(staleLabel);
    bar->addWidget(m_staleMinutes);
    bar->addWidget(refreshButton);
    bar->addWidget(deleteButton);
    bar->addWidget(wipeButton);
    layout->addLayout(bar);

    // Pruning: the Pushgateway never expires a group; the operator does, from here or from cron
    // (promdesk-cli groups prune).
    auto *pruneBar = new QHBoxLayout;
    m_match = new QLineEdit;
    m_match->setObjectName(QStringLiteral("groupsMatch"));
    m_match->setPlaceholderText(tr("Grouping key matches, e.g. job=~\"batch.*\", instance=\"a\" (empty: any)"));
    m_match->setClearButtonEnabled(true);
    auto *matchLabel = new QLabel(tr("&Match:"));
    matchLabel->setBuddy(m_match);
    auto *pruneButton = new QPushButton(tr("Delete &matching…"));
    pruneButton->setObjectName(QStringLiteral("deleteMatching"));
    pruneButton->setToolTip(
        wrappedToolTip(tr("Deletes every group that matches and is not pushed for longer than the age "
                          "above. The exact list is shown first.")));
    pruneBar->addWidget(matchLabel);
    pruneBar->addWidget(m_match, 1);
    pruneBar->addWidget(pruneButton);
    layout->addLayout(pruneBar);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("groupsTree"));
    m_tree->setAccessibleName(tr("Pushgateway groups"));
    m_tree->setHeaderLabels({tr("Group"), tr("Last push (UTC)"), tr("Age"), tr("State"), tr("Families")});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setSectionResizeMode(ColumnGroup, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("groupDetails"));
    m_details->setAccessibleName(tr("Group details"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_details);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &GroupsView::rebuild);
    connect(m_staleMinutes, &QSpinBox::valueChanged, this, &GroupsView::rebuild);
    connect(refreshButton, &QPushButton::clicked, this, &GroupsView::refresh);
    connect(deleteButton, &QPushButton::clicked, this, &GroupsView::deleteSelected);
    connect(wipeButton, &QPushButton::clicked, this, &GroupsView::wipe);
    connect(pruneButton, &QPushButton::clicked, this, &GroupsView::deleteMatching);
    connect(m_match, &QLineEdit::returnPressed, this, &GroupsView::deleteMatching);
    // The ages tick on their own: no request, only the clock.
    m_ageTicker.setInterval(1000);
    connect(&m_ageTicker, &QTimer::timeout, this, &GroupsView::refreshAges);
    m_ageTicker.start();
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &GroupsView::showSelected);
    connect(m_context, &ConsoleContext::profileChanged, this, [this] {
        m_shown = m_epoch.moveOn();
        m_groups = {};
        rebuild();
        setStatus(QString());
    });
}

QString GroupsView::status() const
{
    return m_status;
}

void GroupsView::setStatus(const QString &text)
{
    m_status = text;
    m_details->setPlainText(text);
}

void GroupsView::refresh()
{
    const quint64 epoch = m_shown;
    const auto failed = [this, epoch](const QString &reason) {
        if (!m_epoch.isCurrent(epoch))
            return;
        setStatus(reason);
        emit refreshed();
    };
    m_context->withGateway(this, failed, [this, epoch](const std::shared_ptr<PushgatewayClient> &client) {
        if (!m_epoch.isCurrent(epoch))
            return;
        client->listGroups(this,
                           [this, epoch, client](const HttpResult &result, const std::optional<GatewayGroups> &groups,
                                                 const QString &error) {
                               if (!m_epoch.isCurrent(epoch))
                                   return; // the old profile's groups: the view shows another gateway now
                               if (!groups) {
                                   const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
                                   setStatus(explanation.summary + QLatin1Char('\n') + explanation.advice
                                             + QLatin1Char('\n') + error);
                               } else {
                                   m_groups = *groups;
                                   rebuild();
                                   setStatus(tr("%n group(s)", nullptr, int(m_groups.groups.size())));
                               }
                               emit refreshed();
                           });
    });
}

void GroupsView::rebuild()
{
    // Keep what was selected across refreshes.
    QStringList selected;
    for (const QTreeWidgetItem *item : m_tree->selectedItems())
        selected << item->text(ColumnGroup);
    m_tree->clear();
    const QString filter = m_filter->text().trimmed();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 staleSeconds = qint64(m_staleMinutes->value()) * 60;
    QMap<QString, QTreeWidgetItem *> jobs;
    for (int i = 0; i < m_groups.groups.size(); ++i) {
        const GatewayGroup &group = m_groups.groups.at(i);
        const QString key = group.groupingKey.toString();
        if (!filter.isEmpty() && !key.contains(filter, Qt::CaseInsensitive))
            continue;
        const qint64 pushed = qint64(group.pushTimeSeconds.value_or(0));
        const qint64 groupAge = pushed > 0 ? now - pushed : -1;
        if (staleSeconds > 0 && groupAge >= 0 && groupAge < staleSeconds)
            continue;
        const QString job = group.groupingKey.value(QStringLiteral("job"));
        QTreeWidgetItem *&jobItem = jobs[job];
        if (!jobItem) {
            jobItem = new QTreeWidgetItem(m_tree, {tr("job=\"%1\"").arg(job)});
            jobItem->setFirstColumnSpanned(false);
        }
        auto *item = new QTreeWidgetItem(jobItem);
        item->setText(ColumnGroup, key);
        item->setText(
            ColumnLastPush,
            pushed > 0 ? QDateTime::fromSecsSinceEpoch(pushed, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : tr("never"));
        item->setText(ColumnAge, groupAge >= 0 ? age(groupAge) : QString());
        item->setData(ColumnAge, kAgeRole, groupAge);
        item->setText(ColumnState, group.lastPushSuccessful ? tr("ok") : tr("⚠ last push failed"));
        if (!group.lastPushSuccessful)
            item->setForeground(ColumnState, failureTextColor(palette()));
        item->setText(ColumnFamilies, QString::number(group.metrics.families.size()));
        item->setData(ColumnGroup, kGroupIndexRole, i);
        item->setSelected(selected.contains(key));
    }
    for (QTreeWidgetItem *jobItem : std::as_const(jobs))
        jobItem->setText(ColumnFamilies, tr("%n group(s)", nullptr, jobItem->childCount()));
    m_tree->expandAll();
    for (int c = ColumnLastPush; c <= ColumnFamilies; ++c)
        m_tree->resizeColumnToContents(c);
}

void GroupsView::showSelected()
{
    const QList<QTreeWidgetItem *> items = m_tree->selectedItems();
    if (items.size() != 1 || !items.constFirst()->data(ColumnGroup, kGroupIndexRole).isValid())
        return;
    const GatewayGroup &group = m_groups.groups.at(items.constFirst()->data(ColumnGroup, kGroupIndexRole).toInt());
    QString text = group.groupingKey.toString() + QLatin1Char('\n');
    for (const MetricFamily &family : group.metrics.families) {
        text += QStringLiteral("\n%1 (%2)%3\n")
                    .arg(family.name, metricTypeName(family.type),
                         family.help.isEmpty() ? QString() : QStringLiteral(" — ") + family.help);
        for (const Metric &metric : family.metrics) {
            const bool compound = family.type == MetricType::Histogram || family.type == MetricType::Summary;
            text += QStringLiteral("  %1 %2\n")
                        .arg(metric.labels.toString(),
                             compound ? QStringLiteral("count=%1 sum=%2")
                                            .arg(formatNumber(metric.count.value_or(0)),
                                                 formatNumber(metric.sum.value_or(0)))
                                      : formatNumber(metric.value));
        }
    }
    m_details->setPlainText(text);
}

void GroupsView::refreshAges()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int j = 0; j < m_tree->topLevelItemCount(); ++j) {
        QTreeWidgetItem *jobItem = m_tree->topLevelItem(j);
        for (int g = 0; g < jobItem->childCount(); ++g) {
            QTreeWidgetItem *item = jobItem->child(g);
            const QVariant index = item->data(ColumnGroup, kGroupIndexRole);
            if (!index.isValid() || index.toInt() >= m_groups.groups.size())
                continue;
            const qint64 pushed = qint64(m_groups.groups.at(index.toInt()).pushTimeSeconds.value_or(0));
            if (pushed > 0)
                item->setText(ColumnAge, age(std::max<qint64>(0, now - pushed)));
        }
    }
}

void GroupsView::deleteSelected()
{
    QList<GroupingKey> keys;
    for (const QTreeWidgetItem *item : m_tree->selectedItems()) {
        const QVariant index = item->data(ColumnGroup, kGroupIndexRole);
        if (index.isValid())
            keys.append(groupingKeyOf(m_groups.groups.at(index.toInt())));
    }
    QStringList names;
    for (const GroupingKey &key : std::as_const(keys))
        names << key.toString();
    deleteGroups(keys, names);
}

void GroupsView::deleteMatching()
{
    PruneRule rule;
    if (m_staleMinutes->value() > 0)
        rule.olderThanMs = qint64(m_staleMinutes->value()) * 60'000;
    if (const QString text = m_match->text().trimmed(); !text.isEmpty()) {
        QString error;
        std::optional<Selector> selector = parseSelector(text, &error);
        if (!selector) {
            setStatus(tr("Match: %1").arg(error));
            return;
        }
        rule.selectors.append(std::move(*selector));
    }
    if (!rule.olderThanMs && rule.selectors.isEmpty()) {
        setStatus(tr("Choose an age (\"Not pushed for longer than\"), a match, or both: deleting every group is what "
                     "Wipe is for."));
        return;
    }
    // Chosen from the gateway as it is now, not as the last Refresh saw it: a group pushed since
    // is not stale.
    const quint64 epoch = m_shown;
    m_context->withGateway(
        this, [this](const QString &reason) { setStatus(reason); },
        [this, rule, epoch](const std::shared_ptr<PushgatewayClient> &client) {
            if (!m_epoch.isCurrent(epoch))
                return;
            client->listGroups(
                this,
                [this, rule, epoch, client](const HttpResult &result, const std::optional<GatewayGroups> &groups,
                                            const QString &error) {
                    if (!m_epoch.isCurrent(epoch))
                        return;
                    if (!groups) {
                        const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
                        setStatus(explanation.summary + QLatin1Char('\n') + explanation.advice + QLatin1Char('\n')
                                  + error);
                        return;
                    }
                    m_groups = *groups;
                    rebuild();
                    const qint64 now = QDateTime::currentMSecsSinceEpoch();
                    QList<GroupingKey> keys;
                    QStringList lines;
                    for (const GatewayGroup *group : groupsToPrune(m_groups, rule, now)) {
                        keys.append(groupingKeyOf(*group));
                        const double pushed = group->pushTimeSeconds.value_or(0);
                        lines << (pushed > 0 ? tr("%1  last pushed %2 ago")
                                                   .arg(groupingKeyOf(*group).toString(),
                                                        formatSpan(now - qint64(pushed * 1000)))
                                             : tr("%1  never pushed").arg(groupingKeyOf(*group).toString()));
                    }
                    if (keys.isEmpty()) {
                        setStatus(tr("No group matches; nothing to delete."));
                        return;
                    }
                    deleteGroups(keys, lines);
                });
        });
}

void GroupsView::deleteGroups(const QList<GroupingKey> &keys, const QStringList &names)
{
    if (keys.isEmpty())
        return;
    if (!Confirm::ask(this, tr("Delete groups"),
                      tr("Delete %n group(s) from the Pushgateway? Their metrics disappear at once.\n\n", nullptr,
                         int(keys.size()))
                          + names.join(QLatin1Char('\n')),
                      tr("Delete %n group(s)", nullptr, int(keys.size()))))
        return;
    const quint64 epoch = m_shown;
    const QString profile = m_context->profile() ? m_context->profile()->name : QString();
    m_context->withGateway(
        this, [this](const QString &reason) { setStatus(reason); },
        [this, keys, epoch, profile](const std::shared_ptr<PushgatewayClient> &client) {
            if (!m_epoch.isCurrent(epoch))
                return; // chosen from the old profile's groups: nothing goes to the new one
            auto remaining = std::make_shared<int>(int(keys.size()));
            auto failures = std::make_shared<QStringList>();
            for (const GroupingKey &key : keys) {
                SentRequest sent{profile, QStringLiteral("DELETE"), redactUrl(client->deleteRequest(key).url),
                                 QDateTime::currentDateTime()};
                client->deleteGroup(
                    key, this, [this, client, key, keys, remaining, failures, epoch, sent](const HttpResult &result) {
                        const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
                        if (!m_epoch.isCurrent(epoch)) {
                            emit notice(lateAnswerNotice(sent, tr("Groups"), result, explanation.summary));
                            return;
                        }
                        if (!result.ok())
                            failures->append(key.toString() + QStringLiteral(": ") + explanation.summary);
                        if (--*remaining == 0) {
                            setStatus(failures->isEmpty() ? tr("Deleted.") : failures->join(QLatin1Char('\n')));
                            emit deleted(int(failures->size()));
                            refreshUntilGone(keys, kGoneChecks);
                        }
                    });
            }
        });
}

void GroupsView::refreshUntilGone(const QList<GroupingKey> &keys, int checksLeft)
{
    // A gateway answers a DELETE with 202 and applies it a moment later: a list read at once can
    // still show the group. Listed again (a few times, a moment apart) until the groups are gone.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(this, &GroupsView::refreshed, this, [this, keys, checksLeft, once] {
        disconnect(*once);
        const bool stillThere = std::any_of(keys.cbegin(), keys.cend(), [this](const GroupingKey &key) {
            return m_groups.find(key.asLabels()) != nullptr;
        });
        if (stillThere && checksLeft > 1)
            QTimer::singleShot(kGoneCheckMs, this,
                               [this, keys, checksLeft] { refreshUntilGone(keys, checksLeft - 1); });
    });
    refresh();
}

void GroupsView::wipe()
{
    const std::optional<Profile> profile = m_context->profile();
    if (!profile || profile->pushgatewayUrl.isEmpty())
        return;
    const QUrl url(profile->pushgatewayUrl);
    const QString address = url.host() + (url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString());
    if (!Confirm::askTyped(
            this, tr("Wipe the Pushgateway"),
            tr("This deletes every group of every job on %1. Type %2 to confirm.").arg(redactUrl(url), address),
            address))
        return;
    const quint64 epoch = m_shown;
    m_context->withGateway(
        this, [this](const QString &reason) { setStatus(reason); },
        [this, epoch, name = profile->name](const std::shared_ptr<PushgatewayClient> &client) {
            if (!m_epoch.isCurrent(epoch))
                return; // confirmed for the old profile's gateway: nothing goes to the new one
            const SentRequest sent{name, QStringLiteral("PUT"),
                                   redactUrl(client->apiRequest("PUT", QStringLiteral("/api/v1/admin/wipe")).url),
                                   QDateTime::currentDateTime()};
            client->wipe(this, [this, client, epoch, sent](const HttpResult &result) {
                const Explanation explanation = explainWipeAnswer(result, tr("The Pushgateway"));
                if (!m_epoch.isCurrent(epoch)) {
                    emit notice(lateAnswerNotice(sent, tr("Groups"), result, explanation.summary));
                    return;
                }
                setStatus(result.ok() ? tr("Wiped.") : explanation.summary + QLatin1Char('\n') + explanation.advice);
                refresh();
            });
        });
}

} // namespace promdesk::ui
