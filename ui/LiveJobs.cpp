#include "LiveJobs.h"

#include "ConsoleContext.h"
#include "exposition/TextWriter.h"
#include "remotewrite/BackfillPlan.h"
#include "util/Time.h"

namespace promdesk::ui {

QString describeSpec(const LiveJobSpec &spec)
{
    const bool toGateway = spec.destination == LiveJobSpec::Destination::Pushgateway;
    Labels rest;
    for (const Label &label : spec.key.labels())
        rest.set(label.name, label.value);
    const QString job = spec.key.job().isEmpty() ? QString() : spec.key.job() + rest.toString();
    QString text
        = toGateway ? LiveJobs::tr("%1 → Pushgateway").arg(job) : LiveJobs::tr("%1 → remote write").arg(job).trimmed();
    text += LiveJobs::tr(" every %1").arg(formatDuration(spec.intervalMs));
    if (spec.count)
        text += LiveJobs::tr(", %n tick(s)", nullptr, int(*spec.count));
    else if (spec.durationMs)
        text += LiveJobs::tr(" for %1").arg(formatDuration(*spec.durationMs));
    if (!spec.machines.isEmpty()) {
        text += LiveJobs::tr(", machines %1").arg(spec.machines.join(QStringLiteral(", ")));
        if (spec.machinesOverwrite)
            text += LiveJobs::tr(" (no instance: they overwrite one group)");
    }
    return text;
}

LiveJobs::LiveJobs(ConsoleContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

LiveJobs::~LiveJobs()
{
    // Quitting without stopCleanly(): what is on the wire is cancelled, and its entry says so.
    for (const std::unique_ptr<Job> &job : m_jobs) {
        if (job->arrival)
            job->arrival->cancelAll();
        job->job->disconnect(this);
        if (job->job->state() != LiveJob::State::Finished) {
            job->job->abort();
            job->entry.completeUnsent(tr("the console quit while the job ran"));
        }
    }
}

LiveJobs::Job *LiveJobs::find(int number) const
{
    for (const std::unique_ptr<Job> &job : m_jobs) {
        if (job->number == number)
            return job.get();
    }
    return nullptr;
}

int LiveJobs::running() const
{
    int count = 0;
    for (const std::unique_ptr<Job> &job : m_jobs)
        count += job->job->state() != LiveJob::State::Finished ? 1 : 0;
    return count;
}

int LiveJobs::start(LiveJobSpec spec, const Profile &profile, const SecretResult &secret, bool verify, QString *error)
{
    auto entry = std::make_unique<Job>();
    entry->number = m_next;
    entry->profile = profile.name;
    entry->description = describeSpec(spec);
    const bool toGateway = spec.destination == LiveJobSpec::Destination::Pushgateway;
    if (toGateway && profile.pushgatewayUrl.isEmpty()) {
        *error = tr("Profile '%1' has no Pushgateway URL.").arg(profile.name);
        return 0;
    }
    if (!toGateway && profile.remoteWriteUrl.isEmpty()) {
        *error = tr("Profile '%1' has no remote write URL.").arg(profile.name);
        return 0;
    }
    if (verify && profile.queryUrl.isEmpty()) {
        *error = tr("Profile '%1' has no query URL to check arrival with; add one in its settings.").arg(profile.name);
        return 0;
    }
    RequestTag tag;
    tag.profile = profile.name;
    QUrl gatewayUrl;
    if (toGateway) {
        entry->gateway = m_context->gatewayClient(profile, secret);
        gatewayUrl = entry->gateway->endpoint().baseUrl;
    } else {
        // A repeating job backs off between ticks by itself; a single send retries by the spec.
        entry->writer = m_context->writeClient(profile, secret, spec.count != 1 ? std::optional<int>(1) : std::nullopt);
    }
    LiveJobProblem problem;
    entry->job = LiveJob::create(spec, entry->gateway.get(), entry->writer.get(), &problem);
    if (!entry->job) {
        *error = problem.message;
        return 0;
    }
    // One history entry for the job, its ticks under it (the history thread resolves the ticket).
    entry->entry
        = LiveJobEntry::open(m_context->http().recorder(), spec, entry->gateway.get(), entry->writer.get(), tag);
    if (verify) {
        const QUrl pushUrl = toGateway ? gatewayUrl : entry->writer->endpoint().url;
        entry->arrival = std::make_unique<ArrivalTracker>(
            entry->job.get(), verificationEndpoint(queryEndpoint(profile, secret.secret, secret.headers), pushUrl),
            gatewayUrl, 30000);
        entry->arrival->setRecorder(m_context->http().recorder());
        connect(entry->arrival.get(), &ArrivalTracker::checkedTick, this,
                [this, number = entry->number] { emit changed(number); });
    }
    Job &job = *entry;
    connect(job.job.get(), &LiveJob::changed, this, [this, number = job.number] { emit changed(number); });
    connect(job.job.get(), &LiveJob::tickAnswered, m_context, &ConsoleContext::requestRecorded);
    connect(job.job.get(), &LiveJob::finished, this, [this, &job] { finished(job); });
    m_jobs.push_back(std::move(entry));
    ++m_next;
    emit added(job.number);
    job.job->start();
    return job.number;
}

void LiveJobs::finished(Job &job)
{
    job.entry.complete(*job.job, jobOutcome(*job.job));
    emit changed(job.number);
    if (running() == 0)
        emit allFinished();
}

void LiveJobs::stopAll()
{
    if (running() == 0) {
        emit allFinished(); // nothing to wait for
        return;
    }
    // The last job to finish says allFinished(), whether now or when its answer comes.
    for (const std::unique_ptr<Job> &job : m_jobs) {
        if (job->arrival)
            job->arrival->cancelAll();
        job->job->stop();
    }
}

void LiveJobs::abortAll()
{
    for (const std::unique_ptr<Job> &job : m_jobs) {
        if (job->arrival)
            job->arrival->cancelAll();
        job->job->abort();
    }
}

void LiveJobs::clearFinished()
{
    // A finished job's last checks may still report (up to their timeout): it stays until they do.
    std::erase_if(m_jobs, [](const std::unique_ptr<Job> &job) {
        return job->job->state() == LiveJob::State::Finished && (!job->arrival || job->arrival->pending() == 0);
    });
}

} // namespace promdesk::ui
