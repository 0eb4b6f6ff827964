<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerExplanation</name>
    <message>
        <source>Done: %1 answered %2.</source>
        <translation>完成：%1 返回了 %2。</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation>无法连接到 %1：%2。</translation>
    </message>
    <message>
        <source>Check the address and port, and that the server is running and reachable from here.</source>
        <translation>请检查地址和端口，并确认服务器正在运行且可从本机访问。</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 未在规定时间内响应。</translation>
    </message>
    <message>
        <source>Check that the address is right and the server is not overloaded, or raise the timeout.</source>
        <translation>请检查地址是否正确、服务器是否过载，或调大超时时间。</translation>
    </message>
    <message>
        <source>%1 closed the connection after receiving the request, without answering: it may have been applied.</source>
        <translation>%1 收到请求后关闭了连接，未作响应：请求可能已生效。</translation>
    </message>
    <message>
        <source>Look at what the server holds before sending it again.</source>
        <translation>再次发送前，请先查看服务器上现有的内容。</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2.</source>
        <translation>与 %1 的 TLS 连接失败：%2。</translation>
    </message>
    <message>
        <source>If the server uses a private CA, give its certificate as the profile&apos;s CA file; turning verification off is for tests only.</source>
        <translation>如果服务器使用私有 CA，请将其证书设为配置档案的 CA 文件；关闭证书校验仅适用于测试。</translation>
    </message>
    <message>
        <source>%1 refused the credentials (HTTP %2).</source>
        <translation>%1 拒绝了凭据（HTTP %2）。</translation>
    </message>
    <message>
        <source>Check the user and password or token. For TMP the user is the APPID and the password the instance token.</source>
        <translation>请检查用户名和密码或 token。对于 TMP，用户名为 APPID，密码为实例的 token。</translation>
    </message>
    <message>
        <source>Nothing at this URL on %1 (HTTP 404).</source>
        <translation>%1 上不存在此 URL（HTTP 404）。</translation>
    </message>
    <message>
        <source>Check the URL.</source>
        <translation>请检查 URL。</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, a redirect, without saying where to.</source>
        <translation>%1 返回 HTTP %2（重定向），但未指明重定向目标。</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: it redirects to %3.</source>
        <translation>%1 返回 HTTP %2：重定向到 %3。</translation>
    </message>
    <message>
        <source>PromDesk does not follow redirects: the credentials would go along to wherever they point. If you trust that address, give it as the URL.</source>
        <translation>PromDesk 不跟随重定向：否则凭据会随之发送到重定向的目标地址。如果信任该地址，请直接将其用作 URL。</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2): %3</source>
        <translation>%1 拒绝了请求（HTTP %2）：%3</translation>
    </message>
    <message>
        <source>The server&apos;s message above says why.</source>
        <translation>原因见上方服务器返回的消息。</translation>
    </message>
    <message>
        <source>%1 failed with HTTP %2: %3</source>
        <translation>%1 出错（HTTP %2）：%3</translation>
    </message>
    <message>
        <source>This is the server&apos;s problem; try again later.</source>
        <translation>这是服务器端的问题；请稍后重试。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>已取消：%1。</translation>
    </message>
</context>
<context>
    <name>ArrivalCheck</name>
    <message>
        <source>arrived after %1 ms</source>
        <translation>%1 ms 后到达</translation>
    </message>
    <message>
        <source>arrived after %1 s</source>
        <translation>%1 秒后到达</translation>
    </message>
    <message>
        <source>not visible after %1 s: %2</source>
        <extracomment>%2 says why, such as &quot;the query URL did not answer (…)&quot;</extracomment>
        <translation>%1 秒后仍不可见：%2</translation>
    </message>
    <message>
        <source>the query URL did not answer (%1)</source>
        <translation>查询 URL 未响应（%1）</translation>
    </message>
    <message>
        <source>honor_labels is off in the scrape config of the gateway: Prometheus stored the pushed job as exported_job=&quot;%1&quot; (and instance as exported_instance). Set honor_labels: true for the gateway&apos;s scrape job</source>
        <extracomment>keep honor_labels, exported_job, exported_instance and &quot;honor_labels: true&quot; as they are</extracomment>
        <translation>网关的抓取配置中未开启 honor_labels：Prometheus 将推送的 job 存为 exported_job=&quot;%1&quot;（instance 存为 exported_instance）。请在网关的抓取任务中设置 honor_labels: true</translation>
    </message>
    <message>
        <source>the series is there, but not with the value written at %1</source>
        <translation>该序列存在，但其值不是 %1 写入的值</translation>
    </message>
    <message>
        <source>the series is there, but never showed this push&apos;s value: a later push replaced it before Prometheus scraped the gateway (is the scrape interval longer than the push interval?)</source>
        <translation>该序列存在，但从未出现本次推送的值：在 Prometheus 抓取网关之前，后一次推送已将其替换（抓取间隔是否比推送间隔长？）</translation>
    </message>
    <message>
        <source>a label was dropped or renamed on the way: Prometheus has %1 as %2, the push had %3 (a relabelling rule?)</source>
        <extracomment>%1 is a metric name, %2 and %3 label sets</extracomment>
        <translation>有标签在途中被丢弃或重命名：Prometheus 中 %1 的标签为 %2，而推送的是 %3（是否有 relabel 规则？）</translation>
    </message>
    <message>
        <source>nothing named %1 is stored there: the data did not reach this Prometheus, or the query URL points at another one</source>
        <translation>其中没有存储名为 %1 的数据：数据未到达此 Prometheus，或查询 URL 指向了另一个 Prometheus</translation>
    </message>
    <message>
        <source>nothing named %1 is stored there, and it cannot say which targets it scrapes (%2): check that it scrapes the gateway at %3</source>
        <extracomment>%1 is a metric name, %2 why Prometheus did not answer, %3 the gateway&apos;s host:port</extracomment>
        <translation>其中没有存储名为 %1 的数据，且无法得知它抓取哪些目标（%2）：请检查它是否抓取了位于 %3 的网关</translation>
    </message>
    <message>
        <source>it scrapes the gateway at %1 but the last scrape failed: %2</source>
        <translation>它抓取了位于 %1 的网关，但上次抓取失败：%2</translation>
    </message>
    <message>
        <source>it scrapes the gateway at %1 and the scrape works, yet %2 is not there: the push went to another group, or the scrape interval is longer than the wait</source>
        <extracomment>%1 is the gateway&apos;s host:port, %2 a metric name</extracomment>
        <translation>它抓取了位于 %1 的网关且抓取正常，但其中没有 %2：推送进入了另一个分组，或抓取间隔比等待时间长</translation>
    </message>
    <message>
        <source>this Prometheus does not scrape the gateway at %1 (it is not among its /api/v1/targets): add it to scrape_configs, with honor_labels: true</source>
        <extracomment>keep /api/v1/targets, scrape_configs and &quot;honor_labels: true&quot; as they are</extracomment>
        <translation>此 Prometheus 未抓取位于 %1 的网关（不在其 /api/v1/targets 中）：请将其加入 scrape_configs，并设置 honor_labels: true</translation>
    </message>
    <message>
        <source>the sample (%1) is older than the receiver accepts: its newest data is at %2; samples more than about an hour older are out of bounds</source>
        <translation>该样本（%1）早于接收端可接受的范围：其最新数据位于 %2；比它早约一小时以上的样本会超出范围（out of bounds）</translation>
    </message>
    <message>
        <source>nothing named %1 is stored there at %2: the write did not reach this Prometheus, or the query URL points at another one</source>
        <extracomment>%1 is a metric name, %2 a time</extracomment>
        <translation>%2 时其中没有存储名为 %1 的数据：写入未到达此 Prometheus，或查询 URL 指向了另一个 Prometheus</translation>
    </message>
    <message>
        <source>%1; the push&apos;s credentials go only to a query URL on the push&apos;s own server: give the query URL there, or one that needs no credentials</source>
        <translation>%1；推送的凭据只会发往与推送同一服务器上的查询 URL：请指定该服务器上的查询 URL，或无需凭据的查询 URL</translation>
    </message>
</context>
<context>
    <name>ArrivalTracker</name>
    <message>
        <source>%1 (%2 queries to %3)</source>
        <extracomment>%1 is a verdict such as &quot;arrived after 40 ms&quot;, %3 the query API&apos;s address</extracomment>
        <translation>%1（向 %3 查询 %2 次）</translation>
    </message>
</context>
<context>
    <name>BackfillPlan</name>
    <message>
        <source>%1 of %2 samples are more than %3 ahead of this machine&apos;s clock, up to %4 (%5 ahead). A receiver such as Prometheus accepts them, and from then on refuses every current sample as &apos;out of bounds&apos; until that time. Check the clock and the timestamps&apos; unit; --allow-future sends them anyway.</source>
        <extracomment>%3 and %5 are spans such as &quot;5 min&quot;, %4 a time</extracomment>
        <translation>%2 个样本中有 %1 个比本机时钟超前 %3 以上，最远至 %4（超前 %5）。Prometheus 等接收端会接受它们，但此后直到该时间为止，会以 &apos;out of bounds&apos; 拒绝所有当前样本。请检查时钟和时间戳的单位；使用 --allow-future 可强制发送。</translation>
    </message>
    <message>
        <source>%1 of %2 samples are more than %3 ahead of this machine&apos;s clock, up to %4 (%5 ahead). Sent anyway (--allow-future): a Prometheus receiver accepts them, and then refuses every current sample as &apos;out of bounds&apos; until %6 — its current data stops for %7.</source>
        <extracomment>%3, %5 and %7 are spans such as &quot;5 min&quot;, %4 and %6 times</extracomment>
        <translation>%2 个样本中有 %1 个比本机时钟超前 %3 以上，最远至 %4（超前 %5）。已强制发送（--allow-future）：Prometheus 接收端会接受它们，随后直到 %6 为止以 &apos;out of bounds&apos; 拒绝所有当前样本——其当前数据将中断 %7。</translation>
    </message>
    <message>
        <source>%1 (sent anyway, for the receiver&apos;s own verdict)</source>
        <extracomment>%1 is a problem&apos;s message</extracomment>
        <translation>%1（仍然发送，交由接收端自行判定）</translation>
    </message>
    <message>
        <source>sent with one shard: a batch covers up to %1 minutes of data, and parallel shards could move the receiver&apos;s window past samples still to come</source>
        <translation>使用单个分片发送：一个批次最多涵盖 %1 分钟的数据，并行分片可能使接收端的时间窗口越过尚待发送的样本</translation>
    </message>
    <message>
        <source>%1 of %2 samples are more than 1 hour old (from %3). A Prometheus receiver that already has current data refuses them as &apos;out of bounds&apos; unless out-of-order ingestion (out_of_order_time_window, Prometheus 2.39+) is enabled; a managed service such as TMP sets its own window. Into a receiver without newer data they are accepted, because this plan sends the oldest samples first.</source>
        <translation>%2 个样本中有 %1 个早于 1 小时前（最早为 %3）。已有当前数据的 Prometheus 接收端会以 &apos;out of bounds&apos; 拒绝它们，除非启用了乱序写入（out_of_order_time_window，Prometheus 2.39+）；TMP 等托管服务有自己的时间窗口。若接收端没有更新的数据，则会接受它们，因为本计划先发送最旧的样本。</translation>
    </message>
    <message>
        <source>one refused sample rolls back its whole request; batches of %1 samples lose much at once. 2000 (Prometheus&apos; own default) is a safer size.</source>
        <translation>一个样本被拒会导致整个请求回滚；每批 %1 个样本时，一次损失较多。2000（Prometheus 自身的默认值）是更稳妥的大小。</translation>
    </message>
    <message>
        <source>%1 samples of %2 series, %3 to %4</source>
        <translation>%1 个样本，%2 个序列，%3 至 %4</translation>
    </message>
    <message>
        <source>%1, starting with %2%3 (input line %4)</source>
        <extracomment>%1 describes a batch, %2%3 is its first series (name and labels), %4 a line number</extracomment>
        <translation>%1，首个序列为 %2%3（输入第 %4 行）</translation>
    </message>
    <message>
        <source>%1, starting with %2%3</source>
        <translation>%1，首个序列为 %2%3</translation>
    </message>
    <message>
        <source>Plan: %1 series, %2 samples</source>
        <translation>计划：%1 个序列，%2 个样本</translation>
    </message>
    <message>
        <source>Plan: %1 series, %2 samples from %3 to %4, in %5 request(s) over %6 parallel shards</source>
        <translation>计划：%1 个序列，%2 个样本，时间从 %3 到 %4，分 %5 个请求，使用 %6 个并行分片</translation>
    </message>
    <message>
        <source>Plan: %1 series, %2 samples from %3 to %4, in %5 request(s)</source>
        <translation>计划：%1 个序列，%2 个样本，时间从 %3 到 %4，分 %5 个请求</translation>
    </message>
    <message>
        <source>%1 samples were out of time order in the input; they are sent in order</source>
        <translation>输入中有 %1 个样本时间乱序；将按时间顺序发送</translation>
    </message>
    <message>
        <source>%1 exact repeats dropped</source>
        <translation>已丢弃 %1 个完全重复的样本</translation>
    </message>
</context>
<context>
    <name>BackfillRun</name>
    <message>
        <source>the receiver needs remote write 1.0; sent again as 1.0</source>
        <translation>接收端需要 remote write 1.0；已按 1.0 重新发送</translation>
    </message>
    <message>
        <source>batch %1 (%2) was refused: %3. Server said: %4</source>
        <extracomment>%2 describes the batch, %3 is &quot;HTTP 400&quot; or an error, %4 the server&apos;s answer</extracomment>
        <translation>批次 %1（%2）被拒绝：%3。服务器返回：%4</translation>
    </message>
    <message>
        <source>batch %1 (%2) was refused: %3. Server said: %4 (%5)</source>
        <extracomment>%2 describes the batch, %3 is &quot;HTTP 400&quot; or an error, %4 the server&apos;s answer, %5 a note</extracomment>
        <translation>批次 %1（%2）被拒绝：%3。服务器返回：%4（%5）</translation>
    </message>
    <message>
        <source>the backfill was cancelled before this batch</source>
        <translation>回填在此批次之前已取消</translation>
    </message>
    <message>
        <source>the backfill stopped before this batch</source>
        <translation>回填在此批次之前已停止</translation>
    </message>
</context>
<context>
    <name>BackfillSession</name>
    <message>
        <source>Sent %1 of %2 requests (%3 of %4 samples) in %5, %6 retries.</source>
        <extracomment>%5 is a duration such as &quot;2 min 5 s&quot;</extracomment>
        <translation>已发送 %1/%2 个请求（%3/%4 个样本），用时 %5，重试 %6 次。</translation>
    </message>
    <message>
        <source>Sent %1 requests (%2 samples) in %3, %4 retries; an earlier run had sent %5 (%6 samples): %7 of %8 requests (%9 of %10 samples) are delivered.</source>
        <extracomment>%3 is a duration such as &quot;2 min 5 s&quot;</extracomment>
        <translation>本次发送 %1 个请求（%2 个样本），用时 %3，重试 %4 次；之前的运行已发送 %5 个（%6 个样本）：共已送达 %7/%8 个请求（%9/%10 个样本）。</translation>
    </message>
    <message>
        <source>stopped before the backfill ended</source>
        <translation>在回填结束前停止</translation>
    </message>
</context>
<context>
    <name>BodyDecoder</name>
    <message>
        <source>empty</source>
        <extracomment>The kind of a request body that has no bytes</extracomment>
        <translation>空</translation>
    </message>
    <message>
        <source>only the first %1 of %2 bytes were kept</source>
        <translation>仅保留了 %2 字节中的前 %1 字节</translation>
    </message>
    <message>
        <source>gzip, %1</source>
        <extracomment>%1 is the body&apos;s format, e.g. &quot;text exposition&quot;</extracomment>
        <translation>gzip，%1</translation>
    </message>
    <message>
        <source>remote write 2.0</source>
        <translation>remote write 2.0</translation>
    </message>
    <message>
        <source>remote write 1.0</source>
        <translation>remote write 1.0</translation>
    </message>
    <message>
        <source>protobuf-delimited MetricFamily</source>
        <translation>长度分隔的 protobuf MetricFamily</translation>
    </message>
    <message>
        <source>text exposition</source>
        <translation>文本暴露格式</translation>
    </message>
    <message>
        <source>gzip</source>
        <translation>gzip</translation>
    </message>
    <message>
        <source>it inflates past %1 MB, so it is not shown</source>
        <translation>解压后超过 %1 MB，因此不予显示</translation>
    </message>
    <message>
        <source>it is not whole, valid gzip, so it cannot be shown</source>
        <translation>它不是完整、有效的 gzip，因此无法显示</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>check exposition files and list every problem, optionally fixing them</source>
        <translation>校验暴露格式文件并列出所有问题，可选自动修复</translation>
    </message>
    <message>
        <source>convert between text 0.0.4, OpenMetrics and protobuf-delimited</source>
        <translation>在 text 0.0.4、OpenMetrics 和 protobuf-delimited 之间转换</translation>
    </message>
    <message>
        <source>read an exporter&apos;s metrics as Prometheus scrapes them, to compose or push from</source>
        <translation>按 Prometheus 抓取的方式读取 exporter 的指标，用于编写或推送</translation>
    </message>
    <message>
        <source>list the Compose templates, or write one (with the grouping key it is meant for)</source>
        <translation>列出编写模板，或输出一个模板（附带其适用的分组键）</translation>
    </message>
    <message>
        <source>push metrics to a Pushgateway group (replace with PUT, merge with POST)</source>
        <translation>将指标推送到 Pushgateway 分组（PUT 替换，POST 合并）</translation>
    </message>
    <message>
        <source>delete one Pushgateway group</source>
        <translation>删除一个 Pushgateway 分组</translation>
    </message>
    <message>
        <source>list a Pushgateway&apos;s groups, or prune the stale ones</source>
        <translation>列出 Pushgateway 的分组，或清理过期分组</translation>
    </message>
    <message>
        <source>show what a push would add, replace and remove, without sending it</source>
        <translation>显示推送将新增、替换和删除的内容，但不实际发送</translation>
    </message>
    <message>
        <source>send metrics through Prometheus remote write (1.0, or 2.0 with fallback)</source>
        <translation>通过 Prometheus remote write 发送指标（1.0，或 2.0 并可回退）</translation>
    </message>
    <message>
        <source>plan and send past samples through remote write, in batches, with retries</source>
        <translation>制定计划并通过 remote write 分批发送历史样本，支持重试</translation>
    </message>
    <message>
        <source>manage profiles (add, list, show, remove, test, export, import); secrets in the keychain</source>
        <translation>管理配置档案（add、list、show、remove、test、export、import）；密钥存于密钥环</translation>
    </message>
    <message>
        <source>list, show, re-send or copy as curl the requests sent before</source>
        <translation>列出、查看、重新发送之前的请求，或将其复制为 curl 命令</translation>
    </message>
    <message>
        <source>demonstrate grouping-key overwrites against a Pushgateway (&apos;demo overwrite&apos;)</source>
        <translation>在 Pushgateway 上演示分组键覆盖（&apos;demo overwrite&apos;）</translation>
    </message>
    <message>
        <source>Usage: promdesk-cli COMMAND [OPTIONS]

PromDesk&apos;s command line: the same core as the promdesk console.

Commands:
</source>
        <translation>用法：promdesk-cli COMMAND [OPTIONS]

PromDesk 的命令行工具：与 promdesk 控制台使用相同的核心。

命令：
</translation>
    </message>
    <message>
        <source>Every command takes --lang LANG: its messages and help in LANG, system or one of %1
(default: the system&apos;s language).
</source>
        <translation>每个命令都接受 --lang LANG：以 LANG 显示消息和帮助，LANG 为 system 或 %1 之一
（默认：系统语言）。
</translation>
    </message>
    <message>
        <source>
Run &apos;promdesk-cli COMMAND --help&apos; for a command&apos;s options.
Exit codes: 0 done; 1 rejected by validation or the server; 2 usage or I/O error; 3 network, TLS or timeout.
</source>
        <translation>
运行 &apos;promdesk-cli COMMAND --help&apos; 查看命令的选项。
退出码：0 完成；1 被校验或服务器拒绝；2 用法或 I/O 错误；3 网络、TLS 或超时。
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>CliHistory</name>
    <message>
        <source>the history could not record this run: %1. The requests were sent; the history does not show them, or shows their outcome as unknown.
</source>
        <translation>历史记录无法记录本次运行：%1。请求已发送；历史记录中不会显示这些请求，或将其结果显示为未知。
</translation>
    </message>
</context>
<context>
    <name>CliSupport</name>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>%1 %2: %3 %4</source>
        <extracomment>%1 is the endpoint (&quot;Pushgateway&quot; or &quot;Remote write&quot;), %2 its URL, %3 what went wrong, %4 what to do</extracomment>
        <translation>%1 %2：%3 %4</translation>
    </message>
    <message>
        <source>, TLS verified</source>
        <translation>，TLS 已校验</translation>
    </message>
    <message>
        <source>, TLS NOT verified</source>
        <translation>，TLS 未经校验</translation>
    </message>
    <message>
        <source>, no TLS</source>
        <translation>，未使用 TLS</translation>
    </message>
    <message>
        <source>%1 %2: reachable%3, auth ok%4 (HTTP %5, %6 ms)</source>
        <extracomment>%1 is the endpoint (&quot;Pushgateway&quot; or &quot;Remote write&quot;), %2 its URL, %3 is &quot;, TLS verified&quot; or similar, %4 is empty or &quot;, version 1.6.0&quot; or similar, %5 the HTTP status, %6 the time taken in milliseconds</extracomment>
        <translation>%1 %2：可连接%3，认证通过%4（HTTP %5，%6 ms）</translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation>，版本 %1</translation>
    </message>
    <message>
        <source>Remote write</source>
        <extracomment>The name of the endpoint a connection test checks, used inside sentences</extracomment>
        <translation>Remote Write</translation>
    </message>
    <message>
        <source>, accepts remote write 1.0</source>
        <translation>，支持 remote write 1.0</translation>
    </message>
</context>
<context>
    <name>ConvertCommand</name>
    <message>
        <source>Reads metrics and writes them in another format. Input with errors is not converted (so no
line is silently dropped): run &apos;promdesk-cli validate&apos; to see them and &apos;--fix&apos; to repair.
</source>
        <translation>读取指标并以另一种格式写出。输入有错误时不做转换（以免有行被静默丢弃）：
运行 &apos;promdesk-cli validate&apos; 查看错误，用 &apos;--fix&apos; 修复。
</translation>
    </message>
    <message>
        <source>Output format: text, openmetrics or protobuf (length-delimited MetricFamily, as a Pushgateway takes it).</source>
        <translation>输出格式：text、openmetrics 或 protobuf（长度分隔的 MetricFamily，即 Pushgateway 接受的格式）。</translation>
    </message>
    <message>
        <source>Input format: auto, text, openmetrics or protobuf (default auto).</source>
        <translation>输入格式：auto、text、openmetrics 或 protobuf（默认 auto）。</translation>
    </message>
    <message>
        <source>Write here instead of standard output.</source>
        <translation>写入此文件，而非标准输出。</translation>
    </message>
    <message>
        <source>Leave timestamps out (a Pushgateway rejects them).</source>
        <translation>省略时间戳（Pushgateway 会拒绝时间戳）。</translation>
    </message>
    <message>
        <source>The input; &apos;-&apos; reads standard input.</source>
        <translation>输入文件；&apos;-&apos; 表示读取标准输入。</translation>
    </message>
    <message>
        <source>convert needs --to text, openmetrics or protobuf</source>
        <translation>convert 需要 --to text、openmetrics 或 protobuf</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>unknown --from &apos;%1&apos;; use auto, text, openmetrics or protobuf
</source>
        <translation>未知的 --from &apos;%1&apos;；请使用 auto、text、openmetrics 或 protobuf
</translation>
    </message>
    <message>
        <source>convert takes exactly one FILE (or &apos;-&apos;)</source>
        <translation>convert 只接受一个 FILE（或 &apos;-&apos;）</translation>
    </message>
    <message>
        <source>%1 error(s) in %2; nothing converted
</source>
        <translation>%2 中有 %1 个错误；未转换任何内容
</translation>
    </message>
    <message>
        <source>%1 histogram series have buckets below 0, and OpenMetrics gives such a histogram no _sum: their _sum and _count are left out (the +Inf bucket holds the count)
</source>
        <translation>%1 个 histogram 序列含有小于 0 的桶，而 OpenMetrics 不为此类 histogram 提供 _sum：已省略其 _sum 和 _count（+Inf 桶中包含计数）
</translation>
    </message>
    <message>
        <source>written as unknown or gauge: %1. OpenMetrics names a counter&apos;s samples NAME_total and an info&apos;s NAME_info, and these names lack the suffix; rename them to keep their type
</source>
        <translation>已写为 unknown 或 gauge：%1。OpenMetrics 中 counter 的样本名为 NAME_total，info 的样本名为 NAME_info，而这些名称缺少该后缀；如需保留类型，请重命名
</translation>
    </message>
</context>
<context>
    <name>CsvImporter</name>
    <message>
        <source>a quoted field starting here is never closed</source>
        <translation>从此处开始的带引号字段未闭合</translation>
    </message>
    <message>
        <source>there are no rows</source>
        <translation>没有数据行</translation>
    </message>
    <message>
        <source>the timestamp column mixes numbers and other text; use one form: Unix seconds, Unix milliseconds or RFC 3339 (2023-11-14T22:13:20Z)</source>
        <translation>时间戳列混用了数字和其他文本；请统一使用一种形式：Unix 秒、Unix 毫秒或 RFC 3339（2023-11-14T22:13:20Z）</translation>
    </message>
    <message>
        <source>timestamps from %1 to %2 are neither plausible Unix seconds (1973–5138) nor milliseconds; give them in one of those units or as RFC 3339</source>
        <translation>从 %1 到 %2 的时间戳既不是合理的 Unix 秒（1973–5138 年），也不是合理的毫秒；请使用其中一种单位或 RFC 3339 格式</translation>
    </message>
    <message>
        <source>not a series selector</source>
        <translation>不是序列选择器</translation>
    </message>
    <message>
        <source>the file has no header row</source>
        <translation>文件没有标题行</translation>
    </message>
    <message>
        <source>the header has no &apos;timestamp&apos; column (found: %1)</source>
        <translation>标题行中没有 &apos;timestamp&apos; 列（找到的列：%1）</translation>
    </message>
    <message>
        <source>the long form needs a &apos;metric&apos; column or a metric name (--metric NAME)</source>
        <translation>长格式需要 &apos;metric&apos; 列或指标名（--metric NAME）</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; cannot be a label name: use letters, digits and &apos;_&apos;</source>
        <translation>列 &apos;%1&apos; 不能用作标签名：只能使用字母、数字和 &apos;_&apos;</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not a series such as cpu_temp{host=&quot;a&quot;}: %2</source>
        <translation>列 &apos;%1&apos; 不是 cpu_temp{host=&quot;a&quot;} 这样的序列：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number: use &apos;.&apos; as the decimal separator</source>
        <translation>&apos;%1&apos; 不是数字：请使用 &apos;.&apos; 作为小数点</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; 不是数字</translation>
    </message>
    <message>
        <source>this row has %1 fields; the header has %2</source>
        <translation>此行有 %1 个字段；标题行有 %2 个</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a timestamp like the others</source>
        <translation>&apos;%1&apos; 与其他时间戳的格式不同</translation>
    </message>
    <message>
        <source>%1 form, %2 row(s), %3 series; timestamps read as %4 (the first, &apos;%5&apos;, is %6)</source>
        <translation>%1格式，%2 行，%3 个序列；时间戳解析为 %4（第一个 &apos;%5&apos; 为 %6）</translation>
    </message>
    <message>
        <source>long</source>
        <translation>长</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>RFC 3339 dates</source>
        <translation>RFC 3339 日期</translation>
    </message>
    <message>
        <source>Unix seconds</source>
        <translation>Unix 秒</translation>
    </message>
    <message>
        <source>Unix milliseconds</source>
        <translation>Unix 毫秒</translation>
    </message>
</context>
<context>
    <name>CurlExport</name>
    <message>
        <source>the command reads the secret from $PROMDESK_SECRET</source>
        <translation>该命令从 $PROMDESK_SECRET 读取密钥</translation>
    </message>
    <message>
        <source>entry %1 kept only part of its body (%2 of %3 bytes); a command would send only that part, so none is written</source>
        <translation>记录 %1 只保留了请求体的一部分（%3 字节中的 %2 字节）；命令只会发送这一部分，因此不生成命令</translation>
    </message>
</context>
<context>
    <name>DelimitedProtobuf</name>
    <message>
        <source>the MetricFamily at byte %1 decodes, but as metrics it is invalid: %2 [%3]</source>
        <extracomment>%2 is the validator&apos;s message, %3 its problem code</extracomment>
        <translation>位于字节 %1 的 MetricFamily 可以解码，但作为指标无效：%2 [%3]</translation>
    </message>
    <message>
        <source>at byte %1: expected the length of a MetricFamily (a varint), found bytes that are not one</source>
        <translation>在字节 %1 处：应为 MetricFamily 的长度（varint），但找到的字节不是 varint</translation>
    </message>
    <message>
        <source>at byte %1: a MetricFamily of %2 bytes is announced, but only %3 bytes follow</source>
        <translation>在字节 %1 处：声明了 %2 字节的 MetricFamily，但其后只有 %3 字节</translation>
    </message>
    <message>
        <source>at byte %1: %2 bytes that are not a MetricFamily message</source>
        <translation>在字节 %1 处：%2 字节不是 MetricFamily 消息</translation>
    </message>
    <message>
        <source>at byte %1: a MetricFamily without a name</source>
        <translation>在字节 %1 处：MetricFamily 没有名称</translation>
    </message>
    <message>
        <source>at byte %1: &apos;%2&apos; is not a valid metric name</source>
        <translation>在字节 %1 处：&apos;%2&apos; 不是有效的指标名</translation>
    </message>
    <message>
        <source>at byte %1: family &apos;%2&apos; has a label named &apos;%3&apos;, which is not a valid label name</source>
        <translation>在字节 %1 处：指标族 &apos;%2&apos; 有名为 &apos;%3&apos; 的标签，这不是有效的标签名</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>%1 sends %2 %3</source>
        <extracomment>%1: a machine&apos;s name; %2: the HTTP method (PUT or POST); %3: the path it is sent to.</extracomment>
        <translation>%1 发送 %2 %3</translation>
    </message>
    <message>
        <source>The gateway now holds for job %1:
</source>
        <translation>网关中 job %1 现在包含：
</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Leave the demo&apos;s groups on the gateway.</source>
        <translation>将演示的分组保留在网关上。</translation>
    </message>
    <message>
        <source>The demonstration to run.</source>
        <translation>要运行的演示。</translation>
    </message>
    <message>
        <source>the demonstration is &apos;overwrite&apos;</source>
        <translation>可用的演示为 &apos;overwrite&apos;</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>kept</source>
        <extracomment>The demo&apos;s groups were left on the gateway.</extracomment>
        <translation>保留</translation>
    </message>
    <message>
        <source>deleted</source>
        <extracomment>The demo&apos;s groups were removed from the gateway.</extracomment>
        <translation>删除</translation>
    </message>
    <message>
        <source>Done: the demo&apos;s groups were %1.</source>
        <translation>完成：演示的分组已%1。</translation>
    </message>
    <message>
        <source>Stopped: the demo&apos;s groups were %1.</source>
        <translation>已停止：演示的分组已%1。</translation>
    </message>
    <message numerus="yes">
        <source>the gateway holds %n group(s) of job %1, which the demo would delete: %2. Nothing was run; delete them yourself, or run again with --replace-existing to have the demo delete them first</source>
        <translation>
            <numerusform>网关中有作业 %1 的 %n 个分组，演示会删除它们：%2。未执行任何操作；请自行删除它们，或加上 --replace-existing 重新运行，让演示先删除它们</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the groups job overwrite_demo already has on the gateway first (without it, the demo does not run while there are any).</source>
        <translation>先删除网关中作业 overwrite_demo 已有的分组（不加此选项时，只要存在这些分组，演示就不会运行）。</translation>
    </message>
    <message>
        <source>Shows, against a real Pushgateway, how grouping keys decide what a push overwrites:
two machines push job &quot;overwrite_demo&quot; without and then with an instance key, then
merge (POST) and replace (PUT) are compared. Uses only that job, and deletes only
the groups it pushed.
</source>
        <translation>在真实的 Pushgateway 上演示分组键如何决定一次推送会覆盖什么：
两台机器先不带、再带 instance 键推送作业 &quot;overwrite_demo&quot;，然后比较
合并（POST）与替换（PUT）。只使用该作业，并且只删除它推送的分组。
</translation>
    </message>
</context>
<context>
    <name>GatewayGroups</name>
    <message>
        <source>never</source>
        <extracomment>when a group was last pushed</extracomment>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 (%2 s ago)</source>
        <translation>%1（%2 秒前）</translation>
    </message>
    <message>
        <source>%1 (%2 min ago)</source>
        <translation>%1（%2 分钟前）</translation>
    </message>
    <message>
        <source>%1 (%2 h ago)</source>
        <translation>%1（%2 小时前）</translation>
    </message>
    <message>
        <source>%1  last push %2%3
</source>
        <extracomment>%1 is a grouping key, %2 when it was last pushed, %3 empty or &quot; LAST PUSH FAILED at …&quot;</extracomment>
        <translation>%1  上次推送：%2%3
</translation>
    </message>
    <message>
        <source>  LAST PUSH FAILED at %1</source>
        <translation>  上次推送失败：%1</translation>
    </message>
    <message>
        <source>(no groups)
</source>
        <translation>（无分组）
</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1 at byte %2)</source>
        <translation>响应不是 JSON（%1，位于字节 %2 处）</translation>
    </message>
    <message>
        <source>the gateway answered status &apos;%1&apos;: %2</source>
        <translation>网关返回状态 &apos;%1&apos;：%2</translation>
    </message>
</context>
<context>
    <name>GatewayOptions</name>
    <message>
        <source>no profile named &apos;%1&apos; in %2 (promdesk-cli profile list)
</source>
        <translation>%2 中没有名为“%1”的配置档案（promdesk-cli profile list）
</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no remote write URL; give --url</source>
        <translation>配置档案“%1”没有 remote write URL；请指定 --url</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no Pushgateway URL; give --url</source>
        <translation>配置档案“%1”没有 Pushgateway URL；请指定 --url</translation>
    </message>
    <message>
        <source>--url or --profile is required</source>
        <translation>必须指定 --url 或 --profile</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an http:// or https:// URL
</source>
        <translation>&apos;%1&apos; 不是 http:// 或 https:// URL
</translation>
    </message>
    <message>
        <source>put credentials in --user and --password-stdin, not in the URL
</source>
        <translation>请将凭据放在 --user 和 --password-stdin 中，不要写在 URL 里
</translation>
    </message>
    <message>
        <source>--url points at %1, which is not a server of profile &apos;%2&apos; (%3); its credentials go only to its own servers. Leave out --url, or give this server&apos;s credentials with --user and --password-stdin.
</source>
        <extracomment>%1: a server (scheme://host:port); %2: a profile&apos;s name; %3: the profile&apos;s servers.</extracomment>
        <translation>--url 指向 %1，它不是配置档案“%2”的服务器（%3）；该配置档案的凭据只会发往它自己的服务器。请省略 --url，或用 --user 和 --password-stdin 提供此服务器的凭据。
</translation>
    </message>
    <message>
        <source>--user needs --password-stdin (passwords never go on the command line)
</source>
        <translation>--user 需要配合 --password-stdin（密码绝不放在命令行上）
</translation>
    </message>
    <message>
        <source>cannot read the secret of profile &apos;%1&apos;: %2.
</source>
        <translation>无法读取配置档案“%1”的密钥：%2。
</translation>
    </message>
    <message>
        <source>cannot read the secret of profile &apos;%1&apos;: %2. Pass it with --password-stdin (or --bearer-stdin) instead.
</source>
        <translation>无法读取配置档案“%1”的密钥：%2。请改用 --password-stdin（或 --bearer-stdin）传入。
</translation>
    </message>
    <message>
        <source>TLS certificate verification is off
</source>
        <translation>TLS 证书校验已关闭
</translation>
    </message>
    <message>
        <source>--timeout needs a positive number of seconds
</source>
        <translation>--timeout 需要一个正数（秒）
</translation>
    </message>
    <message>
        <source>--group needs NAME=VALUE, not &apos;%1&apos;
</source>
        <translation>--group 需要 NAME=VALUE 格式，而不是 &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>grouping key: %1
</source>
        <translation>分组键：%1
</translation>
    </message>
    <message>
        <source>--max-response needs a number of MiB, more than 0
</source>
        <translation>--max-response 需要一个大于 0 的 MiB 数
</translation>
    </message>
    <message>
        <source>use either --password-stdin or --bearer-stdin
</source>
        <translation>--password-stdin 和 --bearer-stdin 只能二选一
</translation>
    </message>
    <message>
        <source>--password-stdin needs --user
</source>
        <translation>--password-stdin 需要配合 --user
</translation>
    </message>
    <message>
        <source>the Pushgateway</source>
        <extracomment>Put into the explanation of the server&apos;s answer, in the middle of a sentence.</extracomment>
        <translation>Pushgateway</translation>
    </message>
    <message>
        <source>%1: %2 in %3 ms
</source>
        <extracomment>%1: what was sent; %2: the HTTP status (HTTP 400) or why no answer came.</extracomment>
        <translation>%1：%2，耗时 %3 ms
</translation>
    </message>
    <message>
        <source>Server said:
</source>
        <translation>服务器返回：
</translation>
    </message>
    <message>
        <source>The history keeps the start of it: promdesk-cli history show %1
</source>
        <translation>历史记录保留了其开头部分：promdesk-cli history show %1
</translation>
    </message>
    <message>
        <source>The server&apos;s URL: a Pushgateway&apos;s base URL with its route prefix, or a remote-write URL.</source>
        <translation>服务器 URL：Pushgateway 的基础 URL（含路由前缀），或 remote write URL。</translation>
    </message>
    <message>
        <source>Use a saved profile (promdesk-cli profile list); its secret comes from the keychain.</source>
        <translation>使用已保存的配置档案（promdesk-cli profile list）；其密钥取自密钥环。</translation>
    </message>
    <message>
        <source>The job of the grouping key.</source>
        <translation>分组键中的 job。</translation>
    </message>
    <message>
        <source>A grouping label, in order; repeat for more (e.g. --group instance=web-1).</source>
        <translation>分组标签，按顺序；可重复指定多个（例如 --group instance=web-1）。</translation>
    </message>
    <message>
        <source>Basic-auth user (for TMP: the APPID).</source>
        <translation>Basic 认证用户名（TMP：APPID）。</translation>
    </message>
    <message>
        <source>Read the basic-auth password (TMP: the token) from standard input.</source>
        <translation>从标准输入读取 Basic 认证密码（TMP：token）。</translation>
    </message>
    <message>
        <source>Read a bearer token from standard input.</source>
        <translation>从标准输入读取 Bearer 令牌。</translation>
    </message>
    <message>
        <source>Trust this PEM CA certificate for https.</source>
        <translation>https 连接信任此 PEM CA 证书。</translation>
    </message>
    <message>
        <source>Do not verify the server&apos;s certificate (tests only).</source>
        <translation>不校验服务器证书（仅限测试）。</translation>
    </message>
    <message>
        <source>Seconds to wait for an answer (default 30).</source>
        <translation>等待响应的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>Keep at most this many MiB of any answer; the rest is read and dropped (default: 1 of an answer to a push or write, 256 of groups).</source>
        <translation>每个响应最多保留多少 MiB，其余部分读取后丢弃（默认：推送或写入的响应为 1，分组列表为 256）。</translation>
    </message>
    <message>
        <source>the secret on standard input is empty
</source>
        <translation>标准输入中的密钥为空
</translation>
    </message>
</context>
<context>
    <name>GroupPruning</name>
    <message>
        <source>expected a label name at &quot;%1&quot;</source>
        <translation>在 &quot;%1&quot; 处应为标签名</translation>
    </message>
    <message>
        <source>expected =, !=, =~ or !~ after %1</source>
        <translation>%1 之后应为 =、!=、=~ 或 !~</translation>
    </message>
    <message>
        <source>the value of %1 must be in double quotes</source>
        <translation>%1 的值必须用双引号括起来</translation>
    </message>
    <message>
        <source>expected a comma between matchers at &quot;%1&quot;</source>
        <translation>在 &quot;%1&quot; 处，匹配器之间应有逗号</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration such as 90s, 15m, 2h or 7d</source>
        <translation>&quot;%1&quot; 不是时长，应类似 90s、15m、2h 或 7d</translation>
    </message>
    <message>
        <source>the duration &quot;%1&quot; is too long</source>
        <translation>时长 &quot;%1&quot; 过长</translation>
    </message>
</context>
<context>
    <name>GroupingKey</name>
    <message>
        <source>the job is empty; the Pushgateway requires a job name</source>
        <translation>job 为空；Pushgateway 要求提供 job 名称</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid label name: use letters, digits and &apos;_&apos;, not starting with a digit</source>
        <translation>&apos;%1&apos; 不是有效的标签名：只能使用字母、数字和 &apos;_&apos;，且不能以数字开头</translation>
    </message>
    <message>
        <source>&apos;%1&apos; starts with &apos;__&apos;, which Prometheus reserves</source>
        <translation>&apos;%1&apos; 以 &apos;__&apos; 开头，这是 Prometheus 保留的前缀</translation>
    </message>
    <message>
        <source>&apos;job&apos; is given separately; do not repeat it as a label</source>
        <translation>&apos;job&apos; 已单独指定；请勿在标签中重复</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; appears twice in the grouping key</source>
        <translation>标签 &apos;%1&apos; 在分组键中出现了两次</translation>
    </message>
    <message>
        <source>the path has no &apos;/metrics/&apos; part</source>
        <translation>路径中没有 &apos;/metrics/&apos; 部分</translation>
    </message>
    <message>
        <source>the path has an odd number of name/value parts</source>
        <translation>路径中的名称/值部分数量为奇数</translation>
    </message>
    <message>
        <source>the value of &apos;%1&apos; is not valid URL-safe base64</source>
        <translation>&apos;%1&apos; 的值不是有效的 URL 安全 base64</translation>
    </message>
    <message>
        <source>the path must start with /metrics/job/</source>
        <translation>路径必须以 /metrics/job/ 开头</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>give the entry&apos;s ID (promdesk-cli history list shows them)
</source>
        <translation>请提供条目 ID（可用 promdesk-cli history list 查看）
</translation>
    </message>
    <message>
        <source>cannot read the history: %1
</source>
        <translation>无法读取历史记录：%1
</translation>
    </message>
    <message>
        <source>The next promdesk-cli history command, or the console, moves the damaged file aside and starts a new one; a copy of what could be read stays in it for inspection.
</source>
        <translation>下次运行 promdesk-cli history 命令或打开控制台时，会将损坏的文件改名移开并新建一个；原文件及其中可读取的内容会保留以供检查。
</translation>
    </message>
    <message>
        <source>there is no history entry %1
</source>
        <translation>不存在历史记录条目 %1
</translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos;
</source>
        <translation>没有名为“%1”的配置档案
</translation>
    </message>
    <message>
        <source>profile %1</source>
        <extracomment>After the entry&apos;s number, time and operation: the profile it was sent with.</extracomment>
        <translation>配置档案 %1</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>第 %1 次尝试</translation>
    </message>
    <message>
        <source>re-send of #%1</source>
        <translation>重新发送自 #%1</translation>
    </message>
    <message>
        <source>grouping key %1
</source>
        <translation>分组键 %1
</translation>
    </message>
    <message>
        <source>Request: %1 %2</source>
        <translation>请求：%1 %2</translation>
    </message>
    <message>
        <source>body: %1 bytes, %2</source>
        <extracomment>%1: a size in bytes; %2: what the body holds, as the decoder names it.</extracomment>
        <translation>请求体：%1 字节，%2</translation>
    </message>
    <message>
        <source>Response: %1 in %2 ms</source>
        <translation>响应：%1，耗时 %2 ms</translation>
    </message>
    <message>
        <source>Response: outcome unknown (no answer was recorded: the process stopped, or it is still running)</source>
        <translation>响应：结果未知（未记录到响应：进程已停止，或仍在运行）</translation>
    </message>
    <message>
        <source>samples written: %1</source>
        <translation>已写入样本数：%1</translation>
    </message>
    <message>
        <source>Arrival: %1</source>
        <translation>到达：%1</translation>
    </message>
    <message>
        <source>(secrets the server echoed back were masked before this answer was stored)</source>
        <translation>（服务器回显的密钥在保存此响应前已脱敏）</translation>
    </message>
    <message>
        <source>body: %1 bytes; the first %2 are kept</source>
        <translation>响应体：%1 字节；仅保留前 %2 字节</translation>
    </message>
    <message>
        <source>%1 request(s) under it:</source>
        <translation>其下有 %1 个请求：</translation>
    </message>
    <message>
        <source>%1  %2 ms  attempt %3</source>
        <translation>%1  %2 ms  第 %3 次尝试</translation>
    </message>
    <message>
        <source>%1 %2 (re-send of #%3)</source>
        <extracomment>%1: the HTTP method; %2: the URL; %3: the history entry&apos;s number.</extracomment>
        <translation>%1 %2（重新发送自 #%3）</translation>
    </message>
    <message>
        <source>Only requests that did not succeed (unknown outcomes too).</source>
        <translation>仅显示未成功的请求（含结果未知的）。</translation>
    </message>
    <message>
        <source>Only this profile&apos;s requests; for resend, send with it.</source>
        <translation>仅限此配置档案的请求；resend 时用它发送。</translation>
    </message>
    <message>
        <source>Only this operation (replace, merge, delete, write, backfill...).</source>
        <translation>仅限此操作（replace、merge、delete、write、backfill...）。</translation>
    </message>
    <message>
        <source>At most N entries (default 50).</source>
        <translation>最多 N 条（默认 50）。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>curl: write binary bodies into DIR.</source>
        <translation>curl：将二进制请求体写入 DIR。</translation>
    </message>
    <message>
        <source>curl: put the secret itself in the command.</source>
        <translation>curl：在命令中写入密钥明文。</translation>
    </message>
    <message>
        <source>prune: keep at most N entries (default 100000).</source>
        <translation>prune：最多保留 N 条（默认 100000）。</translation>
    </message>
    <message>
        <source>prune: drop entries older than D days (default 90).</source>
        <translation>prune：删除超过 D 天的条目（默认 90）。</translation>
    </message>
    <message>
        <source>prune: keep the file under M MB (default 512).</source>
        <translation>prune：文件不超过 M MB（默认 512）。</translation>
    </message>
    <message>
        <source>An entry&apos;s number.</source>
        <translation>条目编号。</translation>
    </message>
    <message>
        <source>No requests recorded yet.
</source>
        <translation>尚未记录任何请求。
</translation>
    </message>
    <message>
        <source>nothing was removed: %1
</source>
        <translation>未删除任何条目：%1
</translation>
    </message>
    <message>
        <source>Removed %1 entries; the file went from %2 KiB to %3 KiB.
</source>
        <translation>已删除 %1 条记录；文件从 %2 KiB 缩小到 %3 KiB。
</translation>
    </message>
    <message>
        <source>the file could not be compacted: %1
</source>
        <translation>无法压缩文件：%1
</translation>
    </message>
    <message>
        <source>Note: %1.
</source>
        <translation>注意：%1。
</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Every request PromDesk sends is kept in %1,
with the server&apos;s answer verbatim and secrets masked.
</source>
        <translation>PromDesk 发送的每个请求都保存在 %1 中，
并原样保存服务器的响应，其中的密钥已脱敏。
</translation>
    </message>
    <message>
        <source>The request history.
</source>
        <translation>请求历史记录。
</translation>
    </message>
    <message>
        <source>the history is not available
</source>
        <translation>历史记录不可用
</translation>
    </message>
    <message>
        <source>unknown history command &apos;%1&apos;</source>
        <translation>未知的 history 子命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>this body cannot go inline in the command (it is binary, or text without a final newline); give --output DIR to write it next to the command
</source>
        <translation>此请求体无法内嵌在命令中（它是二进制数据，或是末尾没有换行的文本）；请用 --output DIR 将其写到命令旁
</translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>%1; requests are not recorded</source>
        <translation>%1；不会记录请求</translation>
    </message>
    <message>
        <source>%1, and it cannot be moved aside; requests are not recorded</source>
        <translation>%1，且无法将其移到一旁；不会记录请求</translation>
    </message>
    <message>
        <source>%1; it was moved to %2 and a new one started</source>
        <translation>%1；已将其移至 %2，并新建了历史记录文件</translation>
    </message>
    <message>
        <source>the history stayed locked by another process; requests are not recorded</source>
        <translation>历史记录文件一直被另一个进程锁定；不会记录请求</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is what the history was doing (e.g. &quot;recording a request&quot;), %2 is SQLite&apos;s message</extracomment>
        <translation>%1时出错：%2</translation>
    </message>
    <message>
        <source>undoing a half-written entry</source>
        <translation>撤销写了一半的条目</translation>
    </message>
    <message>
        <source>recording a request</source>
        <translation>记录请求</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>committing recorded requests</source>
        <translation>提交已记录的请求</translation>
    </message>
    <message>
        <source>recording a request body</source>
        <translation>记录请求体</translation>
    </message>
    <message>
        <source>reading a request&apos;s parent</source>
        <translation>读取请求的父条目</translation>
    </message>
    <message>
        <source>reading a request body</source>
        <translation>读取请求体</translation>
    </message>
    <message>
        <source>recording an arrival check</source>
        <translation>记录到达检查</translation>
    </message>
    <message>
        <source>marking a request body as cut</source>
        <translation>将请求体标记为已截断</translation>
    </message>
    <message>
        <source>recording an answer</source>
        <translation>记录响应</translation>
    </message>
    <message>
        <source>listing requests</source>
        <translation>列出请求</translation>
    </message>
    <message>
        <source>reading a request</source>
        <translation>读取请求</translation>
    </message>
    <message>
        <source>listing a backfill&apos;s batches</source>
        <translation>列出回填的批次</translation>
    </message>
    <message>
        <source>counting requests</source>
        <translation>统计请求数</translation>
    </message>
    <message>
        <source>measuring the history</source>
        <translation>计算历史记录大小</translation>
    </message>
    <message>
        <source>starting to prune</source>
        <translation>开始清理</translation>
    </message>
    <message>
        <source>removing old requests</source>
        <translation>删除旧请求</translation>
    </message>
    <message>
        <source>removing the oldest requests</source>
        <translation>删除最早的请求</translation>
    </message>
    <message>
        <source>removing requests over the size limit</source>
        <translation>删除超出大小限制的请求</translation>
    </message>
    <message>
        <source>removing the batches of removed backfills</source>
        <translation>删除已删除回填的批次</translation>
    </message>
    <message>
        <source>committing the prune</source>
        <translation>提交清理</translation>
    </message>
    <message>
        <source>compacting the file</source>
        <translation>压缩文件</translation>
    </message>
    <message>
        <source>reading the schema</source>
        <translation>读取数据库结构</translation>
    </message>
    <message>
        <source>checking the file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>switching to WAL</source>
        <translation>切换到 WAL 模式</translation>
    </message>
    <message>
        <source>setting the sync mode</source>
        <translation>设置同步模式</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>读取数据库结构版本</translation>
    </message>
    <message>
        <source>starting the migration</source>
        <translation>开始迁移</translation>
    </message>
    <message>
        <source>migrating the schema</source>
        <translation>迁移数据库结构</translation>
    </message>
    <message>
        <source>committing the migration</source>
        <translation>提交迁移</translation>
    </message>
</context>
<context>
    <name>HistoryError</name>
    <message>
        <source>the history file is locked by another process</source>
        <translation>历史记录文件被另一个进程锁定</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the history file or its folder is read-only</source>
        <translation>历史记录文件或其所在文件夹为只读</translation>
    </message>
    <message>
        <source>the history file is damaged</source>
        <translation>历史记录文件已损坏</translation>
    </message>
    <message>
        <source>the history file cannot be opened</source>
        <translation>无法打开历史记录文件</translation>
    </message>
    <message>
        <source>the history cannot be written</source>
        <translation>无法写入历史记录</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 says what went wrong with the history, %2 is the database&apos;s own message</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>HistorySchema</name>
    <message>
        <source>the history was written by a newer PromDesk (schema %1)</source>
        <translation>历史记录由更新版本的 PromDesk 写入（数据库结构版本 %1）</translation>
    </message>
</context>
<context>
    <name>Holdings</name>
    <message>
        <source>new</source>
        <extracomment>a series the gateway holds now and did not before</extracomment>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <extracomment>a series whose value the gateway holds changed</extracomment>
        <translation>已更改</translation>
    </message>
    <message>
        <source>gone</source>
        <extracomment>a series the gateway held before and holds no longer</extracomment>
        <translation>已消失</translation>
    </message>
    <message>
        <source># Pushgateway grouping keys: a walkthrough

%1
</source>
        <extracomment>Markdown: keep the leading &quot;# &quot;; %1 is the introduction paragraph</extracomment>
        <translation># Pushgateway 分组键演练

%1
</translation>
    </message>
    <message>
        <source>
## Step %1: %2

%3 sends:

```
%4
```

The gateway then holds, for job `%5`:

</source>
        <extracomment>Markdown: keep &quot;## &quot;, the ``` fence and the backquotes; %3 is a machine name, %4 the request sent</extracomment>
        <translation>
## 第 %1 步：%2

%3 发送：

```
%4
```

随后网关中 job `%5` 的内容：

</translation>
    </message>
    <message>
        <source>(nothing)
</source>
        <translation>（无）
</translation>
    </message>
    <message>
        <source>| Group | Series | Value | Change |
|---|---|---|---|
</source>
        <extracomment>a Markdown table header: keep the | and the --- row</extracomment>
        <translation>| 分组 | 序列 | 值 | 变化 |
|---|---|---|---|
</translation>
    </message>
    <message>
        <source>**changed** (was %1)</source>
        <translation>**已更改**（原为 %1）</translation>
    </message>
    <message>
        <source>
**Why:** %1
</source>
        <extracomment>Markdown: keep the ** around the word</extracomment>
        <translation>
**原因：** %1
</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>no answer awaited: PromDesk closed the connection before the server answered; the request may have gone out and been applied</source>
        <translation>未等待响应：PromDesk 在服务器响应前关闭了连接；请求可能已发出并已生效</translation>
    </message>
    <message>
        <source>no complete answer within the timeout</source>
        <translation>超时时间内未收到完整响应</translation>
    </message>
    <message>
        <source>cancelled while waiting for the answer: the request had gone out whole, so it may have been applied</source>
        <translation>在等待响应时取消：请求已完整发出，因此可能已生效</translation>
    </message>
    <message>
        <source>cancelled before the request had gone out whole: it was not applied</source>
        <translation>在请求完整发出前取消：请求未生效</translation>
    </message>
    <message>
        <source>the server closed the connection after receiving the request, without answering: it may have been applied</source>
        <translation>服务器收到请求后未作响应便关闭了连接：请求可能已生效</translation>
    </message>
    <message>
        <source>the connection was lost while the request was being sent: it was not received whole, so it was not applied</source>
        <translation>发送请求时连接中断：服务器未收到完整请求，因此请求未生效</translation>
    </message>
    <message>
        <source>the CA file %1 cannot be read: %2</source>
        <translation>无法读取 CA 文件 %1：%2</translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>CA 文件 %1 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>a client certificate needs both its certificate file and its key file</source>
        <translation>客户端证书需要同时提供证书文件和私钥文件</translation>
    </message>
    <message>
        <source>the client certificate file %1 cannot be read: %2</source>
        <translation>无法读取客户端证书文件 %1：%2</translation>
    </message>
    <message>
        <source>the client certificate file %1 holds no PEM certificate</source>
        <translation>客户端证书文件 %1 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>the client key file %1 cannot be read: %2</source>
        <translation>无法读取客户端私钥文件 %1：%2</translation>
    </message>
    <message>
        <source>the client key file %1 holds no unencrypted PEM RSA or EC key</source>
        <translation>客户端私钥文件 %1 中没有未加密的 PEM 格式 RSA 或 EC 私钥</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <extracomment>%1 is a problem with the TLS files, such as &quot;the CA file x cannot be read: y&quot;</extracomment>
        <translation>%1；未发送任何内容</translation>
    </message>
</context>
<context>
    <name>LiveCommand</name>
    <message>
        <source>the interval must be at least 100ms</source>
        <translation>间隔至少为 100ms</translation>
    </message>
    <message>
        <source>it needs --every</source>
        <translation>需要同时指定 --every</translation>
    </message>
    <message>
        <source>give --count or --for, not both</source>
        <translation>--count 和 --for 只能指定其一</translation>
    </message>
    <message>
        <source>a count of ticks is a whole number from 1 up</source>
        <translation>轮数必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>a machine&apos;s name is empty</source>
        <translation>机器名为空</translation>
    </message>
    <message>
        <source>it needs --instances</source>
        <translation>需要同时指定 --instances</translation>
    </message>
    <message>
        <source>give seconds, from above 0 to 3600</source>
        <translation>请给出秒数，须大于 0 且不超过 3600</translation>
    </message>
    <message>
        <source>no query URL: give --query-url, or save one in the profile (promdesk-cli profile add … --query-url URL)</source>
        <translation>没有查询 URL：请指定 --query-url，或在配置档案中保存一个（promdesk-cli profile add … --query-url URL）</translation>
    </message>
    <message>
        <source>not an http or https URL</source>
        <translation>不是 http 或 https URL</translation>
    </message>
    <message>
        <source>credentials never go in a URL; they come from the profile</source>
        <translation>凭据不能写在 URL 中；凭据取自配置档案</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>A duration in milliseconds.</extracomment>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>A duration in seconds, e.g. &quot;1.5 s&quot;.</extracomment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>tick %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>tick %1 %2</source>
        <extracomment>%1 the tick&apos;s number, %2 the machine&apos;s name</extracomment>
        <translation>第 %1 轮 %2</translation>
    </message>
    <message>
        <source>%1: %2 in %3 ms
</source>
        <extracomment>%1 &quot;tick N&quot;, %2 &quot;HTTP 200&quot; or the failure&apos;s message, %3 milliseconds</extracomment>
        <translation>%1：%2，耗时 %3 ms
</translation>
    </message>
    <message>
        <source>%1: skipped, %2
</source>
        <extracomment>%1 &quot;tick N&quot;, %2 why the tick was skipped</extracomment>
        <translation>%1：已跳过，%2
</translation>
    </message>
    <message>
        <source>, arrived %1/%2</source>
        <translation>，已到达 %1/%2</translation>
    </message>
    <message>
        <source>, last HTTP %1</source>
        <translation>，最近一次 HTTP %1</translation>
    </message>
    <message>
        <source>pushing</source>
        <extracomment>What a repeated job does, filled into &quot;%1 every %2…&quot;</extracomment>
        <translation>推送</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>%1 every %2, %3 times</source>
        <extracomment>%1 &quot;pushing&quot; or &quot;writing&quot;, %2 the interval, %3 how many times</extracomment>
        <translation>每 %2 %1一次，共 %3 次</translation>
    </message>
    <message>
        <source>%1 every %2 for %3</source>
        <extracomment>%1 &quot;pushing&quot; or &quot;writing&quot;, %2 the interval, %3 for how long</extracomment>
        <translation>每 %2 %1一次，持续 %3</translation>
    </message>
    <message>
        <source>%1 every %2 until interrupted</source>
        <extracomment>%1 &quot;pushing&quot; or &quot;writing&quot;, %2 the interval</extracomment>
        <translation>每 %2 %1一次，直到被中断</translation>
    </message>
    <message>
        <source> as %1 machine(s)</source>
        <translation> （以 %1 台机器的身份）</translation>
    </message>
    <message>
        <source> (history #%1)</source>
        <extracomment>Added at the end of &quot;pushing every 2 s, 10 times&quot;: the job&apos;s entry in the history.</extracomment>
        <translation> （历史记录 #%1）</translation>
    </message>
    <message>
        <source>interrupted; letting the requests on the wire have their answers (interrupt again to stop waiting)
</source>
        <translation>已中断；正在等待已发出请求的响应（再次中断可停止等待）
</translation>
    </message>
    <message>
        <source>done</source>
        <extracomment>How a single push or write ended, in &quot;%1: sent %2, ok %3, failed %4, skipped %5&quot;</extracomment>
        <translation>完成</translation>
    </message>
    <message>
        <source> (%1 still waiting for an answer, %2 backing off)</source>
        <translation> （等待响应 %1，退避 %2）</translation>
    </message>
    <message>
        <source>; arrived %1 of %2 checked</source>
        <translation>；检查 %2 次，到达 %1 次</translation>
    </message>
    <message>
        <source>, arrival p50 %1, p99 %2</source>
        <translation>，到达耗时 p50 %1，p99 %2</translation>
    </message>
    <message>
        <source>; %1 not checked (checks of earlier ticks still under way, or the run ended)</source>
        <translation>；%1 次未检查（之前轮次的检查仍在进行，或运行已结束）</translation>
    </message>
    <message>
        <source>last miss: %1</source>
        <translation>最近一次未到达：%1</translation>
    </message>
    <message>
        <source>nothing could be checked: the draft has no series to look for</source>
        <translation>无法进行任何检查：草稿中没有可查找的序列</translation>
    </message>
</context>
<context>
    <name>LiveJob</name>
    <message>
        <source>the interval must be at least %1 ms</source>
        <translation>间隔至少为 %1 毫秒</translation>
    </message>
    <message>
        <source>the count of ticks must be at least 1</source>
        <translation>轮数至少为 1</translation>
    </message>
    <message>
        <source>the duration must be above 0</source>
        <translation>持续时间必须大于 0</translation>
    </message>
    <message>
        <source>a machine&apos;s name is empty</source>
        <translation>机器名为空</translation>
    </message>
    <message>
        <source>a machine is named twice</source>
        <translation>机器名重复</translation>
    </message>
    <message>
        <source>the grouping key already has an instance; machines add their own</source>
        <translation>分组键中已有 instance；各机器会添加自己的 instance</translation>
    </message>
    <message>
        <source>no client for the job&apos;s destination</source>
        <translation>没有可用于该任务目标的客户端</translation>
    </message>
    <message>
        <source>backing off after failures</source>
        <translation>失败后正在退避</translation>
    </message>
    <message>
        <source>the previous request is still waiting for its answer</source>
        <translation>上一个请求仍在等待响应</translation>
    </message>
    <message>
        <source>not started</source>
        <extracomment>the state of a live job</extracomment>
        <translation>未开始</translation>
    </message>
    <message>
        <source>running</source>
        <extracomment>the state of a live job</extracomment>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <extracomment>the state of a live job</extracomment>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <extracomment>the state of a live job</extracomment>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>finished</source>
        <extracomment>the state of a live job</extracomment>
        <translation>已结束</translation>
    </message>
    <message>
        <source>all %1 ticks done</source>
        <translation>全部 %1 轮已完成</translation>
    </message>
    <message>
        <source>its time is up</source>
        <translation>已到设定时长</translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>how a live job ended</extracomment>
        <translation>已停止</translation>
    </message>
    <message>
        <source>stopped: the server refused it (%1); the next tick would be refused too</source>
        <extracomment>%1 is the server&apos;s answer, such as &quot;HTTP 400: …&quot;</extracomment>
        <translation>已停止：服务器拒绝了请求（%1）；下一轮同样会被拒绝</translation>
    </message>
    <message>
        <source>%1: sent %2, ok %3, failed %4, skipped %5</source>
        <extracomment>%1 the job&apos;s state or how it ended, such as &quot;running&quot; or &quot;all 10 ticks done&quot;</extracomment>
        <translation>%1：已发送 %2，成功 %3，失败 %4，跳过 %5</translation>
    </message>
</context>
<context>
    <name>LiveOptions</name>
    <message>
        <source>Repeat every DURATION (500ms, 2s, 1m; at least 100ms) until stopped, --count or --for.</source>
        <translation>每隔 DURATION 重复一次（500ms、2s、1m；至少 100ms），直到被停止或达到 --count/--for 的限制。</translation>
    </message>
    <message>
        <source>With --every: stop after N ticks.</source>
        <translation>配合 --every：N 轮后停止。</translation>
    </message>
    <message>
        <source>With --every: stop after DURATION.</source>
        <translation>配合 --every：持续 DURATION 后停止。</translation>
    </message>
    <message>
        <source>Give a series a generated value at each tick: now, inc:STEP, random:MIN:MAX, walk:MIN:MAX:STEP or sine:MIN:MAX:PERIOD. SERIES is a metric name or one series as the draft writes it, name{a=&quot;x&quot;}. Repeatable.</source>
        <translation>每轮为序列生成一个值：now、inc:STEP、random:MIN:MAX、walk:MIN:MAX:STEP 或 sine:MIN:MAX:PERIOD。SERIES 为指标名，或按草稿写法给出的单个序列，如 name{a=&quot;x&quot;}。可重复指定。</translation>
    </message>
    <message>
        <source>Push once per tick as each of these machines, each with instance=NAME added to the grouping key (remote write: to every series).</source>
        <translation>每轮以这些机器的身份各推送一次，每台机器在分组键中加上 instance=NAME（remote write：加到每个序列上）。</translation>
    </message>
    <message>
        <source>With --instances: leave instance out on purpose, so the machines overwrite one group (the mistake TMP&apos;s page warns about).</source>
        <translation>配合 --instances：故意省略 instance，使各机器覆盖同一个分组（即 TMP 文档所警示的错误）。</translation>
    </message>
    <message>
        <source>Query the pushed series until it shows (exit 4 when it does not in time).</source>
        <translation>查询已推送的序列，直到其出现（超时仍未出现则退出码为 4）。</translation>
    </message>
    <message>
        <source>Seconds to wait for the data to show (default 30).</source>
        <translation>等待数据出现的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>A Prometheus query API base for --verify (default: the profile&apos;s). The push&apos;s credentials go along only when it is on the push&apos;s own server.</source>
        <translation>用于 --verify 的 Prometheus 查询 API 基础地址（默认：配置档案中的地址）。仅当它与推送位于同一服务器时，才会附带推送的凭据。</translation>
    </message>
</context>
<context>
    <name>OpenMetricsRules</name>
    <message>
        <source>&apos;%1&apos; counts, so it cannot be NaN in OpenMetrics; write the count</source>
        <translation>&apos;%1&apos; 是计数值，在 OpenMetrics 中不能为 NaN；请写入计数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; counts, so it cannot be negative in OpenMetrics</source>
        <translation>&apos;%1&apos; 是计数值，在 OpenMetrics 中不能为负数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; counts observations, so OpenMetrics wants a whole number</source>
        <translation>&apos;%1&apos; 是观测次数，OpenMetrics 要求为整数</translation>
    </message>
    <message>
        <source>a quantile of &apos;%1&apos; is negative; OpenMetrics summaries observe values of 0 or more</source>
        <translation>&apos;%1&apos; 的某个分位数为负数；OpenMetrics 的 summary 只观测不小于 0 的值</translation>
    </message>
    <message>
        <source>an info sample&apos;s value is always 1</source>
        <translation>info 样本的值始终为 1</translation>
    </message>
    <message>
        <source>a stateset sample is 1 (in that state) or 0 (not)</source>
        <translation>stateset 样本的值为 1（处于该状态）或 0（不处于该状态）</translation>
    </message>
    <message>
        <source>a sample of stateset &apos;%1&apos; needs a label &apos;%1&apos; naming its state</source>
        <translation>stateset &apos;%1&apos; 的样本需要一个名为 &apos;%1&apos; 的标签来指明其状态</translation>
    </message>
    <message>
        <source>the samples of one label set of &apos;%1&apos; must be together, and these labels came before; move this line up to them</source>
        <translation>&apos;%1&apos; 同一标签集的样本必须排在一起，而这组标签已在前面出现；请将此行上移到它们那里</translation>
    </message>
    <message>
        <source>within one label set, either every sample has a timestamp or none does</source>
        <translation>同一标签集内，要么每个样本都有时间戳，要么都没有</translation>
    </message>
    <message>
        <source>this timestamp is earlier than the one before it in the same label set; OpenMetrics samples of a series go forward in time</source>
        <translation>此时间戳早于同一标签集中的前一个时间戳；OpenMetrics 中同一序列的样本必须按时间先后排列</translation>
    </message>
    <message>
        <source>OpenMetrics lists the buckets of &apos;%1&apos; from the lowest &apos;le&apos; up; this one comes after a bucket with the same or a higher bound</source>
        <translation>OpenMetrics 要求 &apos;%1&apos; 的桶按 &apos;le&apos; 从低到高排列；此桶位于一个上界相同或更高的桶之后</translation>
    </message>
    <message>
        <source>this bucket of &apos;%1&apos; counts fewer than the one before it; buckets are cumulative</source>
        <translation>&apos;%1&apos; 的此桶计数小于前一个桶；桶的计数是累积的</translation>
    </message>
    <message>
        <source>histogram &apos;%1&apos; has no le=&quot;+Inf&quot; bucket, which OpenMetrics requires; add one whose value is the count of all observations</source>
        <translation>histogram &apos;%1&apos; 没有 OpenMetrics 要求的 le=&quot;+Inf&quot; 桶；请添加一个，其值为全部观测的次数</translation>
    </message>
    <message>
        <source>the count of &apos;%1&apos; differs from its le=&quot;+Inf&quot; bucket; they must be equal</source>
        <translation>&apos;%1&apos; 的 count 与其 le=&quot;+Inf&quot; 桶不一致；两者必须相等</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a %2 but no %3; OpenMetrics wants both or neither</source>
        <extracomment>%2 and %3 are sample name suffixes such as _sum and _count</extracomment>
        <translation>&apos;%1&apos; 有 %2 但没有 %3；OpenMetrics 要求两者同时存在或同时省略</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a count but no sum; OpenMetrics wants both or neither</source>
        <translation>&apos;%1&apos; 有 count 但没有 sum；OpenMetrics 要求两者同时存在或同时省略</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has buckets below 0, so its _sum is not a counter: OpenMetrics leaves _sum out of such a histogram (a gauge histogram&apos;s _gsum may stay)</source>
        <translation>&apos;%1&apos; 有低于 0 的桶，因此其 _sum 不是 counter：OpenMetrics 规定此类 histogram 不带 _sum（gauge histogram 的 _gsum 可以保留）</translation>
    </message>
    <message>
        <source>the _gsum of &apos;%1&apos; is negative while no bucket is below 0</source>
        <translation>&apos;%1&apos; 的 _gsum 为负数，但没有低于 0 的桶</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a name an earlier metric already uses (as itself or one of its samples); rename one of them</source>
        <translation>&apos;%1&apos; 这个名称已被前面的指标使用（作为指标名或其某个样本名）；请重命名其中之一</translation>
    </message>
    <message>
        <source>OpenMetrics allows no UNIT for an info or stateset metric; remove the UNIT line</source>
        <translation>OpenMetrics 不允许 info 或 stateset 指标带 UNIT；请删除 UNIT 行</translation>
    </message>
</context>
<context>
    <name>OverwritePreview</name>
    <message>
        <source>The body sets %1=&quot;%2&quot;, but the grouping key&apos;s %1=&quot;%3&quot; replaces it on every series.</source>
        <translation>请求体设置了 %1=&quot;%2&quot;，但分组键中的 %1=&quot;%3&quot; 会在每个序列上取代它。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2 in group %3 but a %4 here; the Pushgateway will refuse the push as inconsistent.</source>
        <extracomment>%1 is a metric name, %2 and %4 metric types (counter, gauge…), %3 a grouping key</extracomment>
        <translation>&apos;%1&apos; 在分组 %3 中是 %2，在这里却是 %4；Pushgateway 会以不一致为由拒绝此次推送。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has another HELP text in group %2; the gateway keeps one of them and logs the difference.</source>
        <translation>&apos;%1&apos; 在分组 %2 中有不同的 HELP 文本；网关只保留其中一个，并在日志中记录差异。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; may collide with the Pushgateway&apos;s own metrics of that name; if the type or labels differ the push is refused.</source>
        <translation>&apos;%1&apos; 可能与 Pushgateway 自身的同名指标冲突；若类型或标签不同，推送将被拒绝。</translation>
    </message>
    <message>
        <source>%1 series have no instance label; the gateway stores them with instance=&quot;&quot;.</source>
        <translation>%1 个序列没有 instance 标签；网关会以 instance=&quot;&quot; 保存它们。</translation>
    </message>
    <message>
        <source>The grouping key has no instance label: every machine that pushes job &quot;%1&quot; without one writes to this same group %2, and each push replaces the previous machine&apos;s values.</source>
        <extracomment>%1 is a job name, %2 a grouping key</extracomment>
        <translation>分组键中没有 instance 标签：所有不带 instance 推送 job &quot;%1&quot; 的机器都会写入同一个分组 %2，每次推送都会替换上一台机器的值。</translation>
    </message>
    <message>
        <source>The grouping key has no instance label: every machine that pushes job &quot;%1&quot; without one writes to this same group %2, and each push overwrites same-named metrics of the previous machine&apos;s values.</source>
        <extracomment>%1 is a job name, %2 a grouping key</extracomment>
        <translation>分组键中没有 instance 标签：所有不带 instance 推送 job &quot;%1&quot; 的机器都会写入同一个分组 %2，每次推送都会覆盖上一台机器的同名指标。</translation>
    </message>
    <message>
        <source> Other groups of this job, not touched by this push: %1.</source>
        <translation> 该 job 的其他分组（不受此次推送影响）：%1。</translation>
    </message>
    <message>
        <source> Add instance=&lt;this host&gt; to keep machines apart.</source>
        <extracomment>keep &quot;instance=&quot; as it is; &lt;this host&gt; may be translated</extracomment>
        <translation> 请添加 instance=&lt;本机名&gt;，以区分各台机器。</translation>
    </message>
    <message>
        <source>Replace group (PUT)</source>
        <translation>替换分组（PUT）</translation>
    </message>
    <message>
        <source>Merge into group (POST)</source>
        <translation>合并到分组（POST）</translation>
    </message>
    <message>
        <source>the group exists</source>
        <translation>分组已存在</translation>
    </message>
    <message>
        <source>a new group</source>
        <translation>新分组</translation>
    </message>
    <message>
        <source>  + %1 %2  (new)
</source>
        <extracomment>keep the leading &quot; + &quot;; %1 is a series, %2 its value</extracomment>
        <translation>  + %1 %2  （新增）
</translation>
    </message>
    <message>
        <source>  - %1 %2  (removed: %3)
</source>
        <extracomment>keep the leading &quot; - &quot;; %1 is a series, %2 its value, %3 why it is removed</extracomment>
        <translation>  - %1 %2  （删除：%3）
</translation>
    </message>
    <message>
        <source>PUT replaces the whole group</source>
        <translation>PUT 会替换整个分组</translation>
    </message>
    <message>
        <source>POST replaces the whole family</source>
        <translation>POST 会替换整个指标族</translation>
    </message>
    <message>
        <source>    %1 %2  (kept: POST leaves other families)
</source>
        <extracomment>keep the four leading spaces; %1 is a series, %2 its value</extracomment>
        <translation>    %1 %2  （保留：POST 不影响其他指标族）
</translation>
    </message>
    <message>
        <source>  %1 added, %2 replaced, %3 unchanged, %4 removed
</source>
        <translation>  新增 %1，替换 %2，未变 %3，删除 %4
</translation>
    </message>
</context>
<context>
    <name>OverwriteScenario</name>
    <message>
        <source>Machine A pushes without an instance key</source>
        <translation>机器 A 不带 instance 键推送</translation>
    </message>
    <message>
        <source>a new group {job=&quot;overwrite_demo&quot;} now holds A&apos;s values; its series get instance=&quot;&quot;.</source>
        <translation>新分组 {job=&quot;overwrite_demo&quot;} 现在保存着 A 的值；其序列带有 instance=&quot;&quot;。</translation>
    </message>
    <message>
        <source>Machine B pushes the same job without an instance key</source>
        <translation>机器 B 不带 instance 键推送同一个 job</translation>
    </message>
    <message>
        <source>B used the same grouping key, so it wrote to the same group: A&apos;s values are gone, and nothing shows that A ever pushed.</source>
        <translation>B 使用了相同的分组键，因此写入了同一个分组：A 的值已消失，也看不出 A 曾经推送过。</translation>
    </message>
    <message>
        <source>Machine A pushes with instance=host-a</source>
        <translation>机器 A 带 instance=host-a 推送</translation>
    </message>
    <message>
        <source>a different grouping key is a different group. The old instance-less group stays until someone deletes it.</source>
        <translation>不同的分组键就是不同的分组。旧的无 instance 分组会一直保留，直到有人将其删除。</translation>
    </message>
    <message>
        <source>Machine B pushes with instance=host-b</source>
        <translation>机器 B 带 instance=host-b 推送</translation>
    </message>
    <message>
        <source>each machine now has its own group, and neither overwrites the other.</source>
        <translation>现在每台机器都有自己的分组，互不覆盖。</translation>
    </message>
    <message>
        <source>Machine A merges (POST) only backup_size_bytes</source>
        <translation>机器 A 仅合并（POST）backup_size_bytes</translation>
    </message>
    <message>
        <source>POST replaces only the families it names: the timestamp family is kept.</source>
        <translation>POST 只替换其中包含的指标族：时间戳指标族得以保留。</translation>
    </message>
    <message>
        <source>Machine A replaces (PUT) with only backup_size_bytes</source>
        <translation>机器 A 仅以 backup_size_bytes 替换（PUT）</translation>
    </message>
    <message>
        <source>PUT replaces the whole group: backup_last_success_timestamp_seconds is gone.</source>
        <translation>PUT 会替换整个分组：backup_last_success_timestamp_seconds 已消失。</translation>
    </message>
</context>
<context>
    <name>Printable</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>the Pushgateway URL</source>
        <translation>Pushgateway URL</translation>
    </message>
    <message>
        <source>the query URL</source>
        <translation>查询 URL</translation>
    </message>
    <message>
        <source>the remote write URL</source>
        <translation>remote write URL</translation>
    </message>
    <message>
        <source>the proxy URL</source>
        <translation>代理 URL</translation>
    </message>
</context>
<context>
    <name>ProfileCommand</name>
    <message>
        <source>name:              %1
kind:              %2
</source>
        <extracomment>The labels are padded with spaces so that the values line up.</extracomment>
        <translation>名称：             %1
类型：             %2
</translation>
    </message>
    <message>
        <source>pushgateway url:   %1
remote write url:  %2
</source>
        <translation>Pushgateway URL：  %1
Remote Write URL： %2
</translation>
    </message>
    <message>
        <source>query url:         %1
</source>
        <translation>查询 URL：         %1
</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>No authentication.</extracomment>
        <translation>无</translation>
    </message>
    <message>
        <source>basic, user %1</source>
        <translation>Basic，用户 %1</translation>
    </message>
    <message>
        <source>bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>auth:              %1
secret:            %2
</source>
        <translation>认证：             %1
密钥：             %2
</translation>
    </message>
    <message>
        <source>tls:               %1%2
</source>
        <extracomment>%1: how the server&apos;s certificate is checked; %2: the client certificate part, or nothing.</extracomment>
        <translation>TLS：              %1%2
</translation>
    </message>
    <message>
        <source>system CA store</source>
        <translation>系统 CA 证书库</translation>
    </message>
    <message>
        <source>CA file %1</source>
        <translation>CA 文件 %1</translation>
    </message>
    <message>
        <source>VERIFICATION OFF (tests only)</source>
        <translation>已关闭证书校验（仅限测试）</translation>
    </message>
    <message>
        <source>, client certificate %1</source>
        <translation>，客户端证书 %1</translation>
    </message>
    <message>
        <source>%1: %2 (in the keychain)</source>
        <translation>%1: %2（在密钥环中）</translation>
    </message>
    <message>
        <source>extra headers:     %1
</source>
        <translation>额外请求头：       %1
</translation>
    </message>
    <message>
        <source>grouping labels:   %1
timeout:           %2 s
</source>
        <translation>分组标签：         %1
超时：             %2 秒
</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>tmp, pushgateway, remote-write or generic.</source>
        <translation>tmp、pushgateway、remote-write 或 generic。</translation>
    </message>
    <message>
        <source>The Pushgateway&apos;s base URL.</source>
        <translation>Pushgateway 的基础 URL。</translation>
    </message>
    <message>
        <source>The remote write URL (a TMP profile without one gets the Pushgateway address + /api/v1/prom/write).</source>
        <translation>remote write URL（TMP 配置档案未指定时，使用 Pushgateway 地址 + /api/v1/prom/write）。</translation>
    </message>
    <message>
        <source>A Prometheus query API base, for --verify (a TMP profile without one gets the instance address).</source>
        <translation>Prometheus 查询 API 的基础地址，用于 --verify（TMP 配置档案未指定时，使用实例地址）。</translation>
    </message>
    <message>
        <source>Basic-auth user; for TMP the APPID.</source>
        <translation>Basic 认证用户名；TMP 为 APPID。</translation>
    </message>
    <message>
        <source>Read the password or TMP token from standard input.</source>
        <translation>从标准输入读取密码或 TMP token。</translation>
    </message>
    <message>
        <source>Read a bearer token from standard input.</source>
        <translation>从标准输入读取 Bearer 令牌。</translation>
    </message>
    <message>
        <source>Trust this PEM CA certificate.</source>
        <translation>信任此 PEM CA 证书。</translation>
    </message>
    <message>
        <source>PEM client certificate.</source>
        <translation>PEM 客户端证书。</translation>
    </message>
    <message>
        <source>PEM key of the client certificate.</source>
        <translation>客户端证书的 PEM 私钥。</translation>
    </message>
    <message>
        <source>Do not verify the server&apos;s certificate (tests only).</source>
        <translation>不校验服务器证书（仅限测试）。</translation>
    </message>
    <message>
        <source>A default grouping label; repeatable.</source>
        <translation>默认分组标签；可重复。</translation>
    </message>
    <message>
        <source>Seconds to wait for an answer (default 30).</source>
        <translation>等待响应的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>The profile&apos;s name.</source>
        <translation>配置档案名称。</translation>
    </message>
    <message>
        <source>%1 has a user or password in it; credentials never go in a URL (it is stored and shown in clear). Give the user with --user and the password on standard input with --password-stdin: it goes to the keychain.
</source>
        <translation>%1 中包含用户名或密码；凭据不应写在 URL 中（URL 会以明文保存和显示）。请用 --user 指定用户名，并用 --password-stdin 从标准输入提供密码：密码将存入密钥环。
</translation>
    </message>
    <message>
        <source>--password-stdin needs --user (for TMP, the APPID)
</source>
        <translation>--password-stdin 需要配合 --user（TMP 为 APPID）
</translation>
    </message>
    <message>
        <source>--group needs NAME=VALUE
</source>
        <translation>--group 需要 NAME=VALUE 格式
</translation>
    </message>
    <message>
        <source>--timeout needs a positive number of seconds
</source>
        <translation>--timeout 需要一个正数（秒）
</translation>
    </message>
    <message>
        <source>the secret was not saved: %1. Nothing was written; you can save the profile without --password-stdin and pass the secret to each command on standard input.
</source>
        <translation>密钥未保存：%1。未写入任何内容；可以不带 --password-stdin 保存配置档案，并在每条命令中通过标准输入传入密钥。
</translation>
    </message>
    <message>
        <source>Saves a profile; its secret goes to the keychain.
</source>
        <translation>保存配置档案；其密钥存入密钥环。
</translation>
    </message>
    <message>
        <source>profile add takes one NAME
</source>
        <translation>profile add 只接受一个 NAME
</translation>
    </message>
    <message>
        <source>--kind is tmp, pushgateway, remote-write or generic
</source>
        <translation>--kind 只能是 tmp、pushgateway、remote-write 或 generic
</translation>
    </message>
    <message>
        <source>Saved profile &apos;%1&apos; in %2; its secret is in the keychain.
</source>
        <translation>已将配置档案“%1”保存到 %2；其密钥保存在密钥环中。
</translation>
    </message>
    <message>
        <source>Saved profile &apos;%1&apos; in %2.
</source>
        <translation>已将配置档案“%1”保存到 %2。
</translation>
    </message>
    <message>
        <source>this profile does not verify TLS certificates
</source>
        <translation>此配置档案不校验 TLS 证书
</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: header %2 carries a credential, which goes to the keychain, and the keychain refused: %3. Nothing of this profile was saved.
</source>
        <translation>配置档案“%1”：请求头 %2 携带凭据，需要存入密钥环，但密钥环拒绝了：%3。此配置档案的任何内容均未保存。
</translation>
    </message>
    <message>
        <source>The values of %1 went to the keychain.
</source>
        <extracomment>%1: a list of HTTP header names.</extracomment>
        <translation>%1 的值已存入密钥环。
</translation>
    </message>
    <message>
        <source>The value of %1 went to the keychain.
</source>
        <translation>%1 的值已存入密钥环。
</translation>
    </message>
    <message>
        <source>secret: %1
</source>
        <translation>密钥：%1
</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Profiles keep an instance&apos;s addresses and settings in %1;
secrets are kept in the OS keychain only.
</source>
        <translation>配置档案将实例的地址和设置保存在 %1 中；
密钥只保存在系统密钥环中。
</translation>
    </message>
    <message>
        <source>No profiles yet. Create one with: promdesk-cli profile add NAME --kind tmp --pushgateway-url URL ...
</source>
        <translation>尚无配置档案。可用以下命令创建：promdesk-cli profile add NAME --kind tmp --pushgateway-url URL ...
</translation>
    </message>
    <message>
        <source>profile %1 needs an argument</source>
        <translation>profile %1 需要一个参数</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Skipped &apos;%1&apos;: a profile of that name exists.
</source>
        <translation>已跳过“%1”：同名配置档案已存在。
</translation>
    </message>
    <message>
        <source>Imported &apos;%1&apos; (set its secret with profile add --password-stdin).
</source>
        <translation>已导入“%1”（请用 profile add --password-stdin 设置其密钥）。
</translation>
    </message>
    <message>
        <source>Imported &apos;%1&apos;.
</source>
        <translation>已导入“%1”。
</translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos;
</source>
        <translation>没有名为“%1”的配置档案
</translation>
    </message>
    <message>
        <source>•••••••• (in the keychain)</source>
        <translation>••••••••（在密钥环中）</translation>
    </message>
    <message>
        <source>a keychain entry was not removed: %1
</source>
        <translation>有一个密钥环条目未能删除：%1
</translation>
    </message>
    <message>
        <source>Removed profile &apos;%1&apos;.
</source>
        <translation>已删除配置档案“%1”。
</translation>
    </message>
    <message>
        <source>unknown profile command &apos;%1&apos;</source>
        <translation>未知的 profile 子命令 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>profiles from schema 1 moved to schema %1 (%2 profile(s))</source>
        <translation>配置档案已从格式版本 1 升级到版本 %1（共 %2 个配置档案）</translation>
    </message>
    <message>
        <source>a profile needs a name</source>
        <translation>配置档案需要名称</translation>
    </message>
    <message>
        <source>a profile named &apos;%1&apos; exists already</source>
        <translation>已存在名为“%1”的配置档案</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>不是 JSON：%1（位于字节 %2 处）</translation>
    </message>
    <message>
        <source>not a PromDesk profile export (no &quot;promdeskProfiles&quot; key)</source>
        <translation>不是 PromDesk 配置档案导出文件（没有 &quot;promdeskProfiles&quot; 键）</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: %2 has a user or password in it; nothing was imported. Take them out of the file and give them to the profile instead (promdesk-cli profile add NAME --user USER --password-stdin), where the password goes to the keychain</source>
        <translation>配置档案“%1”：%2 中包含用户名或密码；未导入任何内容。请将其从文件中删除，改为提供给配置档案（promdesk-cli profile add NAME --user USER --password-stdin），密码将存入密钥环</translation>
    </message>
</context>
<context>
    <name>PushgatewayClient</name>
    <message>
        <source>the gateway&apos;s groups take %1 bytes, more than the %2 MB read of an answer</source>
        <translation>网关的分组数据有 %1 字节，超过了响应读取上限 %2 MB</translation>
    </message>
</context>
<context>
    <name>PushgatewayCommands</name>
    <message>
        <source>%1 error(s) in %2; sending it as it is anyway (--no-check): the gateway&apos;s answer is the verdict
</source>
        <translation>%2 中有 %1 个错误；仍按原样发送（--no-check），以网关的响应为准
</translation>
    </message>
    <message>
        <source>%1 error(s) in %2; nothing sent (promdesk-cli validate --target pushgateway --fix repairs what is safe)
</source>
        <translation>%2 中有 %1 个错误；未发送任何内容（promdesk-cli validate --target pushgateway --fix 可修复其中能安全修复的问题）
</translation>
    </message>
    <message>
        <source>interrupted; the request is on its way: waiting up to %1 s for its answer (interrupt again to stop waiting)
</source>
        <translation>已中断；请求已发出：最多等待 %1 秒以获取响应（再次中断可停止等待）
</translation>
    </message>
    <message>
        <source>choose --replace or --merge
</source>
        <translation>请在 --replace 和 --merge 中选择其一
</translation>
    </message>
    <message>
        <source>--format is text or protobuf
</source>
        <translation>--format 只能是 text 或 protobuf
</translation>
    </message>
    <message>
        <source>--no-check sends the input as it is: text format only
</source>
        <translation>--no-check 按原样发送输入：仅支持 text 格式
</translation>
    </message>
    <message>
        <source>--no-check sends the input once, as it is; it does not go with --every, --set, --instances or --verify
</source>
        <translation>--no-check 按原样发送输入一次；不能与 --every、--set、--instances 或 --verify 同时使用
</translation>
    </message>
    <message>
        <source>%1 has no samples; nothing sent. Pushing nothing would change nothing but the push time of the group %2. To empty it on purpose, give --allow-empty; to remove it, use promdesk-cli delete.
</source>
        <extracomment>%1 the input&apos;s name, %2 the group&apos;s grouping key</extracomment>
        <translation>%1 中没有样本；未发送任何内容。空推送只会更新分组 %2 的推送时间，不会改变其他内容。如确需执行空推送，请加上 --allow-empty；如要删除该分组，请使用 promdesk-cli delete。
</translation>
    </message>
    <message>
        <source>%1 has no samples; nothing sent. Pushing nothing would empty the group %2. To empty it on purpose, give --allow-empty; to remove it, use promdesk-cli delete.
</source>
        <translation>%1 中没有样本；未发送任何内容。空推送会清空分组 %2。如确需清空，请加上 --allow-empty；如要删除该分组，请使用 promdesk-cli delete。
</translation>
    </message>
    <message>
        <source>listing groups for the preview</source>
        <translation>为预览列出分组</translation>
    </message>
    <message>
        <source>promdesk-cli push --url URL --job JOB [--group NAME=VALUE]... [--replace|--merge] [--format text|protobuf] [--gzip] [--allow-empty] [--no-check] [--user USER --password-stdin | --bearer-stdin]
       [--every DURATION [--count N | --for DURATION]] [--set SERIES=GENERATOR]... [--instances NAME,NAME... [--same-group]]
       [--verify [--verify-timeout SECONDS] [--query-url URL]] FILE|-</source>
        <extracomment>Command synopsis: the command and option names stay as they are.</extracomment>
        <translation>promdesk-cli push --url URL --job JOB [--group NAME=VALUE]... [--replace|--merge] [--format text|protobuf] [--gzip] [--allow-empty] [--no-check] [--user USER --password-stdin | --bearer-stdin]
       [--every DURATION [--count N | --for DURATION]] [--set SERIES=GENERATOR]... [--instances NAME,NAME... [--same-group]]
       [--verify [--verify-timeout SECONDS] [--query-url URL]] FILE|-</translation>
    </message>
    <message>
        <source>Replace the whole group (PUT; the default).</source>
        <translation>替换整个分组（PUT；默认）。</translation>
    </message>
    <message>
        <source>Replace only the pushed families (POST).</source>
        <translation>只替换推送的指标族（POST）。</translation>
    </message>
    <message>
        <source>Body format: text (default) or protobuf.</source>
        <translation>请求体格式：text（默认）或 protobuf。</translation>
    </message>
    <message>
        <source>Compress the body (Pushgateway 1.5+).</source>
        <translation>压缩请求体（Pushgateway 1.5+）。</translation>
    </message>
    <message>
        <source>Print what the push will change first.</source>
        <translation>先打印此次推送将做出的更改。</translation>
    </message>
    <message>
        <source>Push even when the input has no samples: a replace then empties the group. Without it, an empty input is refused.</source>
        <translation>输入没有样本时也推送：此时替换会清空分组。不加此选项时，拒绝空输入。</translation>
    </message>
    <message>
        <source>Send the input as it is even when it has errors, to see the gateway&apos;s own verdict (text format only). Without it, an input with errors is refused.</source>
        <translation>输入有错误时也按原样发送，以查看网关自身的判定（仅限 text 格式）。不加此选项时，拒绝有错误的输入。</translation>
    </message>
    <message>
        <source>Metrics to push; &apos;-&apos; reads standard input (after the secret line, if one is read).</source>
        <translation>要推送的指标；&apos;-&apos; 表示从标准输入读取（如需读取密钥行，则在其之后读取）。</translation>
    </message>
    <message>
        <source>Pushes metrics to a Pushgateway group: once, or with --every as a live job
(TMP&apos;s example pushes every 2s, each machine with its instance).
Exit codes: 0 sent (and arrived, with --verify), 1 refused, 2 usage, 3 network,
4 sent but not visible through the query URL in time; a repeated run exits
with the worst it met.
</source>
        <translation>将指标推送到 Pushgateway 的一个分组：推送一次，或用 --every 作为持续推送任务
（TMP 的示例每 2s 推送一次，每台机器使用各自的 instance）。
退出码：0 已发送（使用 --verify 时还表示已到达），1 被拒绝，2 用法错误，
3 网络错误，4 已发送但未及时通过查询 URL 查到；重复运行时，
以遇到的最严重情况作为退出码。
</translation>
    </message>
    <message>
        <source>push takes one FILE (or &apos;-&apos;)
</source>
        <translation>push 只接受一个 FILE（或 &apos;-&apos;）
</translation>
    </message>
    <message>
        <source>Usage: %1
</source>
        <translation>用法：%1
</translation>
    </message>
    <message>
        <source>promdesk-cli delete --url URL --job JOB [--group NAME=VALUE]...</source>
        <extracomment>Command synopsis: the command and option names stay as they are.</extracomment>
        <translation>promdesk-cli delete --url URL --job JOB [--group NAME=VALUE]...</translation>
    </message>
    <message>
        <source>Deletes exactly one group. A group is matched by its whole grouping key:
{job=&quot;a&quot;} is not {job=&quot;a&quot;,instance=&quot;x&quot;}. The gateway answers 202 even when the group
does not exist.
</source>
        <translation>只删除一个分组。分组按完整的分组键匹配：
{job=&quot;a&quot;} 与 {job=&quot;a&quot;,instance=&quot;x&quot;} 不是同一分组。即使分组不存在，
网关也会返回 202。
</translation>
    </message>
    <message>
        <source>%1  never pushed</source>
        <extracomment>%1 a group&apos;s grouping key</extracomment>
        <translation>%1  从未推送</translation>
    </message>
    <message>
        <source>%1  last pushed %2, %3 ago</source>
        <extracomment>%1 a group&apos;s grouping key, %2 a date and time, %3 how long ago, e.g. &quot;3 h&quot;</extracomment>
        <translation>%1  上次推送于 %2，%3前</translation>
    </message>
    <message>
        <source>promdesk-cli groups prune --url URL [--profile NAME] --older-than DURATION [--match SELECTOR]... [--dry-run]</source>
        <extracomment>Command synopsis: the command and option names stay as they are.</extracomment>
        <translation>promdesk-cli groups prune --url URL [--profile NAME] --older-than DURATION [--match SELECTOR]... [--dry-run]</translation>
    </message>
    <message>
        <source>Only groups not pushed for longer than this: 90s, 15m, 2h, 7d.</source>
        <translation>只选择超过此时长未推送的分组：90s、15m、2h、7d。</translation>
    </message>
    <message>
        <source>Only groups whose grouping key matches, e.g. &apos;job=~&quot;batch.*&quot;&apos; or &apos;job=&quot;x&quot;,instance=&quot;a&quot;&apos;. Repeatable: a group matching any is chosen.</source>
        <translation>只选择分组键匹配的分组，例如 &apos;job=~&quot;batch.*&quot;&apos; 或 &apos;job=&quot;x&quot;,instance=&quot;a&quot;&apos;。可重复：匹配任意一个即选中。</translation>
    </message>
    <message>
        <source>Print the groups that would be deleted; delete nothing.</source>
        <translation>打印将被删除的分组；不删除任何内容。</translation>
    </message>
    <message>
        <source>Deletes the groups not pushed for longer than DURATION (and matching a selector), one DELETE
each, printing every group. The Pushgateway never expires groups itself; run this from cron.
</source>
        <translation>删除超过 DURATION 未推送（且匹配选择器）的分组，每个分组发送一次 DELETE，
并打印每个分组。Pushgateway 自身从不让分组过期；请通过 cron 运行此命令。
</translation>
    </message>
    <message>
        <source>groups prune needs --older-than (a prune by selector alone would be too easy to get wrong)
</source>
        <translation>groups prune 需要 --older-than（仅凭选择器清理太容易出错）
</translation>
    </message>
    <message>
        <source>no group matches; nothing deleted
</source>
        <translation>没有匹配的分组；未删除任何内容
</translation>
    </message>
    <message>
        <source>would delete %1
</source>
        <extracomment>%1 a group and when it was last pushed</extracomment>
        <translation>将删除 %1
</translation>
    </message>
    <message>
        <source>deleted %1
</source>
        <extracomment>%1 a group and when it was last pushed</extracomment>
        <translation>已删除 %1
</translation>
    </message>
    <message>
        <source>promdesk-cli groups --url URL [--job JOB] [--json]
       promdesk-cli groups prune --url URL --older-than DURATION [--match SELECTOR]... [--dry-run]</source>
        <extracomment>Command synopsis: the command and option names stay as they are.</extracomment>
        <translation>promdesk-cli groups --url URL [--job JOB] [--json]
       promdesk-cli groups prune --url URL --older-than DURATION [--match SELECTOR]... [--dry-run]</translation>
    </message>
    <message>
        <source>Only the groups of this job.</source>
        <translation>只列出此 job 的分组。</translation>
    </message>
    <message>
        <source>Lists the groups a Pushgateway holds.
</source>
        <translation>列出 Pushgateway 中保存的分组。
</translation>
    </message>
    <message>
        <source>promdesk-cli preview --url URL --job JOB [--group NAME=VALUE]... [--replace|--merge] FILE|-</source>
        <extracomment>Command synopsis: the command and option names stay as they are.</extracomment>
        <translation>promdesk-cli preview --url URL --job JOB [--group NAME=VALUE]... [--replace|--merge] FILE|-</translation>
    </message>
    <message>
        <source>Preview a replace (PUT; the default).</source>
        <translation>预览替换（PUT；默认）。</translation>
    </message>
    <message>
        <source>Preview a merge (POST).</source>
        <translation>预览合并（POST）。</translation>
    </message>
    <message>
        <source>The metrics that would be pushed.</source>
        <translation>要推送的指标。</translation>
    </message>
    <message>
        <source>Shows what a push would add, replace and remove in the live gateway, without sending
it. Exit 0, or 1 when the gateway would refuse the push.
</source>
        <translation>显示一次推送将在运行中的网关上添加、替换和删除哪些内容，但不实际发送。
退出码为 0；若网关会拒绝该推送，则为 1。
</translation>
    </message>
    <message>
        <source>preview takes one FILE (or &apos;-&apos;)
</source>
        <translation>preview 只接受一个 FILE（或 &apos;-&apos;）
</translation>
    </message>
    <message>
        <source>%1 has no samples; merging nothing into %2 (--allow-empty)
</source>
        <extracomment>%1 the input&apos;s name, %2 the group&apos;s grouping key</extracomment>
        <translation>%1 中没有样本；不向 %2 合并任何内容（--allow-empty）
</translation>
    </message>
    <message>
        <source>%1 has no samples; replacing with an empty body %2 (--allow-empty)
</source>
        <translation>%1 中没有样本；以空请求体替换 %2（--allow-empty）
</translation>
    </message>
    <message>
        <source>Print the gateway&apos;s answer as JSON, verbatim; with --job, only that job&apos;s groups.</source>
        <translation>以 JSON 原样打印网关的响应；带 --job 时只打印该 job 的分组。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2 MB, too large to edit here. Send it with the Backfill view, or check it with promdesk-cli validate.</source>
        <translation>%1 大小为 %2 MB，过大，无法在此编辑。请用“回填”视图发送，或用 promdesk-cli validate 校验。</translation>
    </message>
    <message>
        <source>%1 has %2 error(s); nothing was imported:
%3</source>
        <translation>%1 有 %2 个错误，未导入任何内容：
%3</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text; save it as UTF-8 and open it again.</source>
        <translation>%1 不是 UTF-8 文本；请另存为 UTF-8 后重新打开。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Write labels as name=&quot;value&quot;, separated by commas: %1</source>
        <translation>标签请写成 name=&quot;value&quot; 形式，以逗号分隔：%1</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not an http:// or https:// address with a host name.</source>
        <translation>%1“%2”不是带主机名的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>%1 contains a user or password; put them in the authentication fields, where the password goes to the keychain.</source>
        <translation>%1 中包含用户名或密码；请填写到认证字段中，密码将保存到密钥环。</translation>
    </message>
</context>
<context>
    <name>RemoteWriteClient</name>
    <message>
        <source>cancelled before the first attempt</source>
        <translation>在首次尝试前已取消</translation>
    </message>
    <message>
        <source>cancelled before the next attempt</source>
        <translation>在下一次尝试前已取消</translation>
    </message>
    <message>
        <source>the receiver does not take remote write 2.0 (HTTP 415); sent as 1.0</source>
        <translation>接收端不支持 remote write 2.0（HTTP 415）；已按 1.0 发送</translation>
    </message>
    <message>
        <source>the receiver answered %1 without X-Prometheus-Remote-Write-*-Written headers, so it does not speak 2.0 (nothing was stored); sent as 1.0</source>
        <translation>接收端返回 %1，但没有 X-Prometheus-Remote-Write-*-Written 响应头，说明它不支持 2.0（未存储任何数据）；已按 1.0 发送</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <extracomment>Joins two notes about a remote write: how it was sent, then why it was not retried</extracomment>
        <translation>%1；%2</translation>
    </message>
</context>
<context>
    <name>RemoteWriteCommands</name>
    <message>
        <source>The receiver is Tencent Cloud TMP: its label limits apply, and a URL without a path gets /api/v1/prom/write.</source>
        <translation>接收端为腾讯云 TMP：适用其标签限制，不带路径的 URL 会补上 /api/v1/prom/write。</translation>
    </message>
    <message>
        <source>Remote write protocol: 1 (default) or 2 (falls back to 1 when the receiver does not speak it).</source>
        <translation>Remote Write 协议版本：1（默认）或 2（接收端不支持时回退到 1）。</translation>
    </message>
    <message>
        <source>Attempts per request, retries included (default 6).</source>
        <translation>每个请求的尝试次数，含重试（默认 6）。</translation>
    </message>
    <message>
        <source>Do not retry HTTP 429 (retried by default).</source>
        <translation>不重试 HTTP 429（默认会重试）。</translation>
    </message>
    <message>
        <source>Send samples further ahead of the clock than --future-window. A receiver such as Prometheus then refuses current samples until that time.</source>
        <translation>发送超前于时钟超过 --future-window 的样本。此后 Prometheus 等接收端会拒收当前样本，直到那个时间为止。</translation>
    </message>
    <message>
        <source>How far ahead of this machine&apos;s clock a sample may be (default 600 seconds, Prometheus&apos; own allowance for clock skew).</source>
        <translation>样本时间可超前本机时钟的最大值（默认 600 秒，即 Prometheus 自身允许的时钟偏差）。</translation>
    </message>
    <message>
        <source>--future-window needs a number of seconds, 0 or more
</source>
        <translation>--future-window 需要一个大于或等于 0 的秒数
</translation>
    </message>
    <message>
        <source>--rw-version is 1 or 2
</source>
        <translation>--rw-version 只能是 1 或 2
</translation>
    </message>
    <message>
        <source>--max-attempts needs a whole number, 1 or more
</source>
        <translation>--max-attempts 需要一个大于或等于 1 的整数
</translation>
    </message>
    <message>
        <source>%1 error(s) in %2; nothing sent
</source>
        <translation>%2 中有 %1 个错误；未发送任何内容
</translation>
    </message>
    <message>
        <source>no samples in %1; nothing sent
</source>
        <translation>%1 中没有样本；未发送任何内容
</translation>
    </message>
    <message>
        <source>--no-check does not send samples ahead of the clock (they break the receiver); --allow-future does, on purpose. Nothing sent
</source>
        <translation>--no-check 不会发送超前于时钟的样本（它们会破坏接收端）；如确需发送，请使用 --allow-future。未发送任何内容
</translation>
    </message>
    <message>
        <source>%1 error(s) in %2; sending what could be read anyway (--no-check): the receiver&apos;s answer is the verdict. A line that could not be read at all is not sent
</source>
        <translation>%2 中有 %1 个错误；仍发送能读取的内容（--no-check），以接收端的响应为准。完全无法读取的行不会发送
</translation>
    </message>
    <message>
        <source>%1 has no samples; nothing sent
</source>
        <translation>%1 中没有样本；未发送任何内容
</translation>
    </message>
    <message>
        <source>%1/%2 requests, %3/%4 samples, %5 retries, %6 samples/s, ETA %7   </source>
        <extracomment>Progress line on a terminal; %7 the time left</extracomment>
        <translation>%1/%2 个请求，%3/%4 个样本，重试 %5 次，%6 个样本/秒，预计剩余 %7   </translation>
    </message>
    <message>
        <source>interrupted; no more requests are sent. Waiting up to %1 s for the answers of those on the wire (interrupt again to stop waiting).
</source>
        <translation>已中断；不再发送新请求。最多等待 %1 秒以获取已发出请求的响应（再次中断可停止等待）。
</translation>
    </message>
    <message>
        <source>Stopped: interrupted
</source>
        <translation>已停止：被中断
</translation>
    </message>
    <message>
        <source>Stopped: %1
</source>
        <extracomment>%1 why the backfill stopped</extracomment>
        <translation>已停止：%1
</translation>
    </message>
    <message>
        <source>Resume with --resume-from %1 (one batch number per shard; batches already sent are not sent again).
</source>
        <translation>可用 --resume-from %1 继续（每个分片一个批次号；已发送的批次不会重复发送）。
</translation>
    </message>
    <message>
        <source>Resume with --resume-from %1 (batches already sent are not sent again).
</source>
        <translation>可用 --resume-from %1 继续（已发送的批次不会重复发送）。
</translation>
    </message>
    <message>
        <source>--label needs NAME=VALUE, not &apos;%1&apos;
</source>
        <translation>--label 需要 NAME=VALUE 格式，而不是 &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>--no-check sends the input once; it does not go with --every, --set, --instances or --verify
</source>
        <translation>--no-check 只发送输入一次；不能与 --every、--set、--instances 或 --verify 同时使用
</translation>
    </message>
    <message>
        <source>a live write repeats one FILE
</source>
        <translation>持续写入只能重复发送一个 FILE
</translation>
    </message>
    <message>
        <source>promdesk-cli write --url URL [--rw-version 1|2] [--tmp] [--no-check] [--user USER --password-stdin | --bearer-stdin]
       [--every DURATION [--count N | --for DURATION]] [--set SERIES=GENERATOR]... [--instances NAME,NAME...]
       [--verify [--verify-timeout SECONDS] [--query-url URL]] FILE...|-</source>
        <extracomment>Command synopsis: the command and option names stay as they are.</extracomment>
        <translation>promdesk-cli write --url URL [--rw-version 1|2] [--tmp] [--no-check] [--user USER --password-stdin | --bearer-stdin]
       [--every DURATION [--count N | --for DURATION]] [--set SERIES=GENERATOR]... [--instances NAME,NAME...]
       [--verify [--verify-timeout SECONDS] [--query-url URL]] FILE...|-</translation>
    </message>
    <message>
        <source>Send what could be read even when the input has errors (a target&apos;s limits, reserved names), to see the receiver&apos;s own verdict. Lines that cannot be read, and samples ahead of the clock, are still not sent.</source>
        <translation>输入有错误（如目标的限制、保留名称）时仍发送能读取的内容，以查看接收端自身的判定。无法读取的行和超前于时钟的样本仍不会发送。</translation>
    </message>
    <message>
        <source>Exposition files (or CSV); &apos;-&apos; reads standard input.</source>
        <translation>文本暴露格式文件（或 CSV）；&apos;-&apos; 表示从标准输入读取。</translation>
    </message>
    <message>
        <source>Sends metrics through Prometheus remote write. Timestamps in the files are kept;
samples without one are sent as now. --url is the write URL; with no path it gets
/api/v1/write (or TMP&apos;s /api/v1/prom/write with --tmp).
With --every it repeats, each sample stamped with the tick&apos;s time.
Exit codes: 0 sent (and arrived, with --verify), 1 refused, 2 usage, 3 network,
4 sent but not visible through the query URL in time.
</source>
        <translation>通过 Prometheus remote write 发送指标。保留文件中的时间戳；
没有时间戳的样本按当前时间发送。--url 为写入 URL；若不带路径，则补上
/api/v1/write（使用 --tmp 时为 TMP 的 /api/v1/prom/write）。
使用 --every 时重复发送，每个样本以该轮的时间作为时间戳。
退出码：0 已发送（使用 --verify 时还表示已到达），1 被拒绝，2 用法错误，
3 网络错误，4 已发送但未及时通过查询 URL 查到。
</translation>
    </message>
    <message>
        <source>write needs a FILE, or &apos;-&apos;
</source>
        <translation>write 需要一个 FILE 或 &apos;-&apos;
</translation>
    </message>
    <message>
        <source>Usage: %1
</source>
        <translation>用法：%1
</translation>
    </message>
    <message>
        <source>nothing to send
</source>
        <translation>没有要发送的内容
</translation>
    </message>
    <message>
        <source>--resume-from lists %1 batches but the run has %2 shards; give one number, or one per shard as the stopped run printed
</source>
        <translation>--resume-from 列出了 %1 个批次，但本次运行有 %2 个分片；请给出一个批次号，或按已停止的运行所打印的那样，每个分片给出一个
</translation>
    </message>
    <message>
        <source>--batch-size, --shards (1-64) and --resume-from need whole numbers, 1 or more
</source>
        <translation>--batch-size、--shards（1-64）和 --resume-from 需要大于或等于 1 的整数
</translation>
    </message>
    <message>
        <source>cannot create %1
</source>
        <translation>无法创建 %1
</translation>
    </message>
    <message>
        <source>request %1/%2: POST %3
</source>
        <extracomment>Dry run: the request&apos;s number, how many there are, and its URL; POST is the HTTP method.</extracomment>
        <translation>请求 %1/%2：POST %3
</translation>
    </message>
    <message>
        <source>  body: %1 bytes; %2
</source>
        <extracomment>%2 what the request holds</extracomment>
        <translation>  请求体：%1 字节；%2
</translation>
    </message>
    <message>
        <source>Dry run: nothing was sent.
</source>
        <translation>试运行：未发送任何内容。
</translation>
    </message>
    <message>
        <source>promdesk-cli backfill --url URL [--batch-size N] [--shards N] [--dry-run [--save-requests DIR]] [--metric NAME] [--label NAME=VALUE]... [--resume-from N[,N...]] FILE</source>
        <extracomment>Command synopsis: the command and option names stay as they are.</extracomment>
        <translation>promdesk-cli backfill --url URL [--batch-size N] [--shards N] [--dry-run [--save-requests DIR]] [--metric NAME] [--label NAME=VALUE]... [--resume-from N[,N...]] FILE</translation>
    </message>
    <message>
        <source>Samples per request (default %1).</source>
        <translation>每个请求的样本数（默认 %1）。</translation>
    </message>
    <message>
        <source>Requests in flight at once; a series stays in one shard, and the shards keep within %1 minutes of each other (default %2).</source>
        <translation>同时进行的请求数；同一序列始终在同一分片中，各分片之间的进度相差不超过 %1 分钟（默认 %2）。</translation>
    </message>
    <message>
        <source>Show the plan and the requests; send nothing.</source>
        <translation>显示计划和请求；不发送任何内容。</translation>
    </message>
    <message>
        <source>With --dry-run: write each request body (snappy protobuf) to DIR.</source>
        <translation>配合 --dry-run：将每个请求体（snappy protobuf）写入 DIR。</translation>
    </message>
    <message>
        <source>Metric name for a CSV without a metric column.</source>
        <translation>CSV 没有指标列时使用的指标名。</translation>
    </message>
    <message>
        <source>A label for every series; repeatable.</source>
        <translation>为每个序列添加的标签；可重复。</translation>
    </message>
    <message>
        <source>Start at this batch (1-based), or at one batch per shard (N,N,...), as a stopped run suggests.</source>
        <translation>从此批次开始（从 1 起计），或按已停止的运行给出的提示，为每个分片各指定一个批次（N,N,...）。</translation>
    </message>
    <message>
        <source>Text exposition (ms timestamps), OpenMetrics (seconds) or CSV.</source>
        <translation>文本暴露格式（毫秒时间戳）、OpenMetrics（秒）或 CSV。</translation>
    </message>
    <message>
        <source>Writes past samples through remote write: plans the batches oldest first, warns
about the receiver&apos;s age window, sends with retries, and stops at a refused batch
naming its samples and the server&apos;s reason.
</source>
        <translation>通过 remote write 写入历史样本：按从旧到新的顺序规划批次，提示接收端的
时间窗口限制，发送时自动重试，并在某个批次被拒时停止，列出该批次的样本
及服务器给出的原因。
</translation>
    </message>
    <message>
        <source>backfill takes one FILE
</source>
        <translation>backfill 只接受一个 FILE
</translation>
    </message>
    <message>
        <source>--resume-from %1 is past the last batch (%2)
</source>
        <translation>--resume-from %1 超出了最后一个批次（%2）
</translation>
    </message>
    <message>
        <source>--metric only names CSV columns; %1 keeps its names
</source>
        <translation>--metric 只对 CSV 的列命名生效；%1 保留其原有的指标名
</translation>
    </message>
</context>
<context>
    <name>RequestRecorder</name>
    <message>
        <source>not sent: %1</source>
        <extracomment>the request was not sent; %1 says why</extracomment>
        <translation>未发送：%1</translation>
    </message>
</context>
<context>
    <name>Resend</name>
    <message>
        <source>entry %1 is a %2&apos;s own entry, not a request: re-send one of the requests under it</source>
        <extracomment>%2 is the operation that grouped the requests, e.g. &quot;backfill&quot;</extracomment>
        <translation>条目 %1 是 %2 自身的条目，而不是请求：请重新发送其下的某个请求</translation>
    </message>
    <message>
        <source>entry %1 kept only part of its body; it cannot be sent again exactly</source>
        <translation>条目 %1 只保存了部分请求体；无法原样重新发送</translation>
    </message>
    <message>
        <source>entry %1&apos;s URL had a secret in it, which was not kept; it cannot be sent again</source>
        <translation>条目 %1 的 URL 中含有密钥，而密钥未被保存；无法重新发送</translation>
    </message>
    <message>
        <source>there is no profile named &apos;%1&apos;</source>
        <translation>没有名为“%1”的配置档案</translation>
    </message>
    <message>
        <source>entry %1 was sent with credentials but without a profile; choose a profile to send it with</source>
        <translation>条目 %1 发送时带有凭据，但未使用配置档案；请选择用于发送的配置档案</translation>
    </message>
    <message>
        <source>entry %1 was sent with profile &apos;%2&apos;, which no longer exists; choose a profile to send it with</source>
        <translation>条目 %1 发送时使用的配置档案“%2”已不存在；请选择用于发送的配置档案</translation>
    </message>
</context>
<context>
    <name>RetryPolicy</name>
    <message>
        <source>HTTP 429 and retrying on 429 is off</source>
        <translation>HTTP 429，且已关闭对 429 的重试</translation>
    </message>
    <message>
        <source>not retried: %1 does not get better by repeating</source>
        <translation>未重试：%1 无法通过重复发送解决</translation>
    </message>
    <message>
        <source>gave up after %1 attempts</source>
        <translation>尝试 %1 次后放弃</translation>
    </message>
    <message>
        <source>%1; retrying with backoff</source>
        <translation>%1；将退避后重试</translation>
    </message>
    <message>
        <source>HTTP %1 with Retry-After: %2 s</source>
        <translation>HTTP %1，Retry-After：%2 秒</translation>
    </message>
    <message>
        <source>gave up: the next attempt would start after the %1 s limit</source>
        <translation>放弃：下一次尝试将超出 %1 秒的时限</translation>
    </message>
</context>
<context>
    <name>Scrape</name>
    <message>
        <source>the exporter at %1</source>
        <translation>位于 %1 的 exporter</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 says what went wrong, %2 what to do</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>%1 answered with %2 bytes, more than the %3 MB read of an answer; nothing was imported</source>
        <translation>%1 返回了 %2 字节，超过了响应读取上限 %3 MB；未导入任何内容</translation>
    </message>
    <message>
        <source>%1 answered with protobuf that could not be read: %2</source>
        <translation>%1 返回的 protobuf 无法读取：%2</translation>
    </message>
    <message>
        <source>%1 answered with &apos;%2&apos;, not metrics; check that the URL is the exporter&apos;s metrics path (usually /metrics)</source>
        <translation>%1 返回的是 &apos;%2&apos;，而不是指标；请检查 URL 是否为 exporter 的指标路径（通常为 /metrics）</translation>
    </message>
    <message>
        <source>%1 answered with Content-Encoding &apos;%2&apos;, which PromDesk cannot read; nothing was imported</source>
        <translation>%1 的应答使用了 PromDesk 无法读取的 Content-Encoding“%2”；未导入任何内容</translation>
    </message>
    <message>
        <source>%1 answered with a gzip body that inflates past %2 MB; nothing was imported</source>
        <translation>%1 的应答是解压后超过 %2 MB 的 gzip 正文；未导入任何内容</translation>
    </message>
    <message>
        <source>%1 answered with a gzip body that is cut short or damaged; nothing was imported</source>
        <translation>%1 的应答是不完整或已损坏的 gzip 正文；未导入任何内容</translation>
    </message>
    <message>
        <source>%1 answered with a body labelled gzip that is not gzip; nothing was imported</source>
        <translation>%1 的应答正文标为 gzip，但并不是 gzip；未导入任何内容</translation>
    </message>
</context>
<context>
    <name>ScrapeCommand</name>
    <message>
        <source>Reads an exporter&apos;s metrics as Prometheus scrapes them (text 0.0.4 preferred, OpenMetrics
accepted, protobuf converted to text) and writes them, to compose or push from. A summary of
what was read and its problems goes to standard error.
</source>
        <translation>像 Prometheus 抓取那样读取 exporter 的指标（优先 text 0.0.4，
也接受 OpenMetrics，protobuf 会转换为文本）并输出，供编写或推送使用。
读取内容及其问题的摘要输出到标准错误。
</translation>
    </message>
    <message>
        <source>Write here instead of standard output.</source>
        <translation>写入此文件，而非标准输出。</translation>
    </message>
    <message>
        <source>Give up after S seconds (default 15).</source>
        <translation>S 秒后放弃（默认 15）。</translation>
    </message>
    <message>
        <source>Basic-auth user, for an exporter that asks for one.</source>
        <translation>Basic 认证用户名，用于要求认证的 exporter。</translation>
    </message>
    <message>
        <source>Read the basic-auth password from standard input.</source>
        <translation>从标准输入读取 Basic 认证密码。</translation>
    </message>
    <message>
        <source>Read a bearer token from standard input.</source>
        <translation>从标准输入读取 Bearer 令牌。</translation>
    </message>
    <message>
        <source>The exporter&apos;s metrics address, e.g. http://127.0.0.1:9100/metrics.</source>
        <translation>exporter 的指标地址，例如 http://127.0.0.1:9100/metrics。</translation>
    </message>
    <message>
        <source>scrape needs one http:// or https:// URL</source>
        <translation>scrape 需要一个 http:// 或 https:// URL</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>the URL has a user or password in it; credentials never go in a URL (or on the command line). Give the user with --user and the password on standard input with --password-stdin.
</source>
        <translation>URL 中包含用户名或密码；凭据不应写在 URL 中（也不应写在命令行中）。请用 --user 指定用户名，并用 --password-stdin 从标准输入提供密码。
</translation>
    </message>
    <message>
        <source>--user needs --password-stdin (passwords never go on the command line)
</source>
        <translation>--user 需要配合 --password-stdin（密码不应写在命令行中）
</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds, 1 or more
</source>
        <translation>--timeout 需要一个大于或等于 1 的整数秒数
</translation>
    </message>
    <message>
        <source>%1: %2 sample(s) in %3 family (%4), %5 error(s), %6 warning(s); HTTP %7 in %8 ms
</source>
        <extracomment>%1: the address; %4: the format read (text, openmetrics...); %7: the HTTP status code.</extracomment>
        <translation>%1：%3 个指标族（%4）中共 %2 个样本，%5 个错误，%6 个警告；HTTP %7，耗时 %8 ms
</translation>
    </message>
    <message>
        <source>%1: %2 sample(s) in %3 families (%4), %5 error(s), %6 warning(s); HTTP %7 in %8 ms
</source>
        <translation>%1：%3 个指标族（%4）中共 %2 个样本，%5 个错误，%6 个警告；HTTP %7，耗时 %8 ms
</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>the keychain is locked, and its unlock was cancelled or could not be asked for. The secret is still stored: do not enter it again. Unlock the keyring (log in to the desktop session, or unlock &apos;Login&apos; in Passwords and Keys) and try again</source>
        <extracomment>&apos;Login&apos; is the GNOME keyring&apos;s name and Passwords and Keys the GNOME application (Seahorse)</extracomment>
        <translation>密钥环已锁定，且解锁被取消或无法请求解锁。密钥仍然保存着：无需重新输入。请解锁密钥环（登录桌面会话，或在“密码和密钥”中解锁“登录”密钥环）后重试</translation>
    </message>
    <message>
        <source>the keychain has no secret for this profile; set it again</source>
        <translation>密钥环中没有此配置档案的密钥；请重新设置</translation>
    </message>
    <message>
        <source>no keychain is available (%1). Start a Secret Service such as gnome-keyring or KWallet in your session, or keep the secret for this session only</source>
        <translation>没有可用的密钥环（%1）。请在会话中启动 gnome-keyring 或 KWallet 等 Secret Service，或仅在本次会话中保留密钥</translation>
    </message>
    <message>
        <source>the keychain refused access (%1); allow PromDesk in the keychain&apos;s prompt and try again</source>
        <translation>密钥环拒绝访问（%1）；请在密钥环的提示中允许 PromDesk 后重试</translation>
    </message>
    <message>
        <source>no keychain can be reached (%1): PromDesk needs a session with a Secret Service such as gnome-keyring or KWallet; keep the secret for this session only, or pass it on standard input</source>
        <translation>无法连接密钥环（%1）：PromDesk 需要在运行 gnome-keyring 或 KWallet 等 Secret Service 的会话中使用；请仅在本次会话中保留密钥，或通过标准输入传入</translation>
    </message>
    <message>
        <source>the keychain failed (%1)</source>
        <translation>密钥环出错（%1）</translation>
    </message>
    <message>
        <source>no secret is kept for this profile in this session</source>
        <translation>本次会话中没有保存此配置档案的密钥</translation>
    </message>
    <message>
        <source>the value of header %1: %2</source>
        <translation>请求头 %1 的值：%2</translation>
    </message>
</context>
<context>
    <name>SentRequest</name>
    <message>
        <source>%1 %2 · profile &quot;%3&quot; · sent %4</source>
        <translation>%1 %2 · 配置档案“%3” · 发送于 %4</translation>
    </message>
    <message>
        <source>Late answer, not shown in %1 (it moved on): %2 → %3: %4 History has it.</source>
        <translation>迟到的响应，未在“%1”视图中显示（视图已切换）：%2 → %3：%4 可在历史记录中查看。</translation>
    </message>
</context>
<context>
    <name>SeriesCollector</name>
    <message>
        <source>series %1 has no valid __name__; remote write receivers drop it</source>
        <translation>序列 %1 没有有效的 __name__；remote write 接收端会丢弃它</translation>
    </message>
    <message>
        <source>label name &apos;%1&apos; of %2 is not valid for remote write</source>
        <translation>%2 的标签名 &apos;%1&apos; 对 remote write 无效</translation>
    </message>
    <message>
        <source>label names starting with &apos;__&apos; are reserved for Prometheus&apos; internal use; the receiver stores &apos;%1&apos; of %2, but rename it</source>
        <translation>以 &apos;__&apos; 开头的标签名保留给 Prometheus 内部使用；接收端会存储 %2 的 &apos;%1&apos;，但请将其重命名</translation>
    </message>
    <message>
        <source>%1 has two values at %2 (%3 and %4); a receiver refuses the second as a duplicate sample. Keep one</source>
        <translation>%1 在 %2 有两个值（%3 和 %4）；接收端会将第二个作为重复样本拒收。请只保留一个</translation>
    </message>
</context>
<context>
    <name>ServerMessage</name>
    <message>
        <source>The Pushgateway refused the push: it does not accept samples with timestamps.</source>
        <translation>Pushgateway 拒绝了此次推送：它不接受带时间戳的样本。</translation>
    </message>
    <message>
        <source>Remove the timestamps (promdesk-cli validate --target pushgateway --fix does it), or send the samples through remote write, which keeps them.</source>
        <translation>请删除时间戳（promdesk-cli validate --target pushgateway --fix 可自动完成），或通过 remote write 发送样本，remote write 会保留时间戳。</translation>
    </message>
    <message>
        <source>The Pushgateway refused the push: &apos;%1&apos; would have two types, %2 and %3. A metric name needs one type across all groups and the gateway&apos;s own metrics.</source>
        <extracomment>%1 is a metric name; %2 and %3 are metric types as Prometheus writes them (counter, gauge…)</extracomment>
        <translation>Pushgateway 拒绝了此次推送：&apos;%1&apos; 将同时具有 %2 和 %3 两种类型。同一指标名在所有分组及网关自身的指标中只能有一种类型。</translation>
    </message>
    <message>
        <source>Use the same type for &apos;%1&apos; in every group, or give this metric another name.</source>
        <translation>请在每个分组中为 &apos;%1&apos; 使用相同的类型，或为此指标另起名称。</translation>
    </message>
    <message>
        <source>The Pushgateway refused the push: &apos;%1&apos; would have two types, %2 and %3 (the series %1%4 is a %2). A metric name needs one type across all groups and the gateway&apos;s own metrics.</source>
        <extracomment>%1 is a metric name; %2 and %3 are metric types as Prometheus writes them; %4 is a label set</extracomment>
        <translation>Pushgateway 拒绝了此次推送：&apos;%1&apos; 将同时具有 %2 和 %3 两种类型（序列 %1%4 是 %2）。同一指标名在所有分组及网关自身的指标中只能有一种类型。</translation>
    </message>
    <message>
        <source>The Pushgateway refused the push: &apos;%1&apos; clashes with the %2 &apos;%3&apos;, whose samples use that name.</source>
        <extracomment>%1 and %3 are metric names; %2 is a metric type as Prometheus writes it (counter, gauge…)</extracomment>
        <translation>Pushgateway 拒绝了此次推送：&apos;%1&apos; 与 %2 类型的 &apos;%3&apos; 冲突，后者的样本使用了这个名称。</translation>
    </message>
    <message>
        <source>Rename &apos;%1&apos;.</source>
        <translation>请重命名 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>The Pushgateway refused the push: the same series appears twice.</source>
        <translation>Pushgateway 拒绝了此次推送：同一序列出现了两次。</translation>
    </message>
    <message>
        <source>Remove the repeated series (promdesk-cli validate --fix finds and drops exact repeats).</source>
        <translation>请删除重复的序列（promdesk-cli validate --fix 会找出并删除完全相同的重复项）。</translation>
    </message>
    <message>
        <source>The Pushgateway could not parse the push: the last line does not end with a newline.</source>
        <translation>Pushgateway 无法解析此次推送：最后一行没有以换行符结尾。</translation>
    </message>
    <message>
        <source>End the body with a newline; promdesk-cli validate --fix adds it.</source>
        <translation>请在请求体末尾添加换行符；promdesk-cli validate --fix 会自动添加。</translation>
    </message>
    <message>
        <source>The Pushgateway could not parse line %1 of the push: %2</source>
        <translation>Pushgateway 无法解析推送内容的第 %1 行：%2</translation>
    </message>
    <message>
        <source>Check the body with promdesk-cli validate --target pushgateway, which lists every problem, not only the first.</source>
        <translation>请用 promdesk-cli validate --target pushgateway 检查请求体，它会列出所有问题，而不仅是第一个。</translation>
    </message>
    <message>
        <source>The Pushgateway refused the URL: the job is empty.</source>
        <translation>Pushgateway 拒绝了此 URL：job 为空。</translation>
    </message>
    <message>
        <source>Give a job name in the grouping key.</source>
        <translation>请在分组键中指定 job 名称。</translation>
    </message>
    <message>
        <source>The Pushgateway refused a grouping label name: %1</source>
        <translation>Pushgateway 拒绝了一个分组标签名：%1</translation>
    </message>
    <message>
        <source>Grouping label names use letters, digits and &apos;_&apos;, and may not start with &apos;__&apos;.</source>
        <translation>分组标签名只能使用字母、数字和 &apos;_&apos;，且不能以 &apos;__&apos; 开头。</translation>
    </message>
    <message>
        <source>The Pushgateway could not decode a base64 grouping value: %1</source>
        <translation>Pushgateway 无法解码 base64 编码的分组值：%1</translation>
    </message>
    <message>
        <source>Values after name@base64/ must be URL-safe base64 of UTF-8 text.</source>
        <translation>name@base64/ 之后的值必须是 UTF-8 文本的 URL 安全 base64 编码。</translation>
    </message>
    <message>
        <source>The Pushgateway refused the request: %1</source>
        <translation>Pushgateway 拒绝了此请求：%1</translation>
    </message>
    <message>
        <source>The server&apos;s message above says why.</source>
        <translation>原因见上方服务器返回的消息。</translation>
    </message>
    <message>
        <source>%1 does not allow this method here (HTTP 405).</source>
        <translation>%1 不允许在此路径使用该方法（HTTP 405）。</translation>
    </message>
    <message>
        <source>Check the base URL: it is the gateway&apos;s root URL (with its --web.route-prefix, if it has one), not one of its pages such as /metrics.</source>
        <translation>请检查基础 URL：应为网关的根 URL（如设置了 --web.route-prefix，需带上该前缀），而不是 /metrics 等页面。</translation>
    </message>
    <message>
        <source>Look before sending again (promdesk-cli groups, or the Groups view). Sending the same replace (PUT), merge (POST) or delete again is safe: the group ends as after one.</source>
        <translation>重新发送前请先查看（promdesk-cli groups 或“分组”视图）。再次发送相同的替换（PUT）、合并（POST）或删除是安全的：分组的最终状态与只发送一次相同。</translation>
    </message>
    <message>
        <source>Check the base URL. A gateway started with --web.route-prefix needs that prefix in the base URL.</source>
        <translation>请检查基础 URL。使用 --web.route-prefix 启动的网关，基础 URL 中需要包含该前缀。</translation>
    </message>
    <message>
        <source>Wiping needs the gateway&apos;s admin API: start it with --web.enable-admin-api, or delete the groups one by one. If it has the admin API, check the base URL.</source>
        <translation>清空网关需要其 admin API：请使用 --web.enable-admin-api 启动网关，或逐个删除分组。如果网关已启用 admin API，请检查基础 URL。</translation>
    </message>
</context>
<context>
    <name>TemplateCommand</name>
    <message>
        <source>The console&apos;s Compose templates: &apos;list&apos; numbers them with the grouping key each is meant for;
&apos;show N&apos; writes template N&apos;s metrics, ready for &apos;promdesk-cli push&apos; with that key.
</source>
        <translation>控制台“编写”中的模板：&apos;list&apos; 为模板编号，并列出每个模板对应的分组键；
&apos;show N&apos; 输出模板 N 的指标，可直接配合该分组键用于 &apos;promdesk-cli push&apos;。
</translation>
    </message>
    <message>
        <source>With show: write here instead of standard output.</source>
        <translation>配合 show：写入此文件，而非标准输出。</translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation>要执行的操作。</translation>
    </message>
    <message>
        <source>push with: %1</source>
        <translation>推送时使用：%1</translation>
    </message>
    <message>
        <source>there is no template %1; &apos;promdesk-cli template list&apos; numbers them 1 to %2</source>
        <translation>没有模板 %1；&apos;promdesk-cli template list&apos; 列出的模板编号为 1 到 %2</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>TMP: database backup (db_backup)</source>
        <translation>TMP：数据库备份（db_backup）</translation>
    </message>
    <message>
        <source>TMP&apos;s batch-job example: one group per machine and database, so backups of different databases never overwrite each other</source>
        <translation>TMP 的批处理任务示例：每台机器的每个数据库各占一个分组，因此不同数据库的备份不会相互覆盖</translation>
    </message>
    <message>
        <source>Batch job: last run</source>
        <translation>批处理任务：最近一次运行</translation>
    </message>
    <message>
        <source>What a cron job reports when it ends: when it last succeeded, how long it ran, how much it did</source>
        <translation>cron 任务结束时上报的内容：最近一次成功的时间、运行时长和处理量</translation>
    </message>
    <message>
        <source>Histogram: request duration</source>
        <translation>Histogram：请求耗时</translation>
    </message>
    <message>
        <source>A histogram with cumulative buckets, the +Inf bucket, _sum and _count</source>
        <translation>含累积桶、+Inf 桶、_sum 和 _count 的 histogram</translation>
    </message>
    <message>
        <source>Summary: payload size</source>
        <translation>Summary：负载大小</translation>
    </message>
    <message>
        <source>A summary with quantiles between 0 and 1, _sum and _count</source>
        <translation>含 0 到 1 之间的分位数、_sum 和 _count 的 summary</translation>
    </message>
    <message>
        <source>OpenMetrics: counter with _total and # EOF</source>
        <translation>OpenMetrics：带 _total 和 # EOF 的 counter</translation>
    </message>
    <message>
        <source>OpenMetrics text: counters end in _total, a UNIT line, and # EOF at the end</source>
        <translation>OpenMetrics 文本：counter 以 _total 结尾，含 UNIT 行，末尾为 # EOF</translation>
    </message>
</context>
<context>
    <name>TextParser</name>
    <message>
        <source>Remove this repeated %1 line</source>
        <extracomment>%1 is the keyword HELP or TYPE</extracomment>
        <translation>删除此重复的 %1 行</translation>
    </message>
    <message>
        <source>the file starts with a UTF-8 byte order mark; Prometheus parsers read it as part of the first metric name</source>
        <translation>文件以 UTF-8 字节顺序标记（BOM）开头；Prometheus 解析器会将其视为第一个指标名的一部分</translation>
    </message>
    <message>
        <source>Remove the byte order mark</source>
        <translation>删除字节顺序标记（BOM）</translation>
    </message>
    <message>
        <source>the last line does not end with a newline; a Pushgateway answers &apos;unexpected end of input stream&apos;</source>
        <translation>最后一行没有以换行符结尾；Pushgateway 会返回 &apos;unexpected end of input stream&apos;</translation>
    </message>
    <message>
        <source>Add a newline at the end</source>
        <translation>在末尾添加换行符</translation>
    </message>
    <message>
        <source>OpenMetrics text must end with a &apos;# EOF&apos; line</source>
        <translation>OpenMetrics 文本必须以 &apos;# EOF&apos; 行结尾</translation>
    </message>
    <message>
        <source>Append &apos;# EOF&apos;</source>
        <translation>在末尾追加 &apos;# EOF&apos;</translation>
    </message>
    <message>
        <source>%1 comment or HELP line(s) end in CRLF (Windows line endings); parsers keep the &apos;\r&apos; in the text</source>
        <translation>有 %1 个注释行或 HELP 行以 CRLF（Windows 换行符）结尾；解析器会将 &apos;\r&apos; 保留在文本中</translation>
    </message>
    <message>
        <source>Convert line endings to LF</source>
        <translation>将换行符转换为 LF</translation>
    </message>
    <message>
        <source>%1 line(s) end in CRLF (Windows line endings); Prometheus parsers read the &apos;\r&apos; as part of the value and reject the line</source>
        <translation>有 %1 行以 CRLF（Windows 换行符）结尾；Prometheus 解析器会将 &apos;\r&apos; 视为值的一部分，从而拒绝该行</translation>
    </message>
    <message>
        <source>%1 line(s) end in CRLF (Windows line endings); Prometheus parsers read the &apos;\r&apos; as part of the value and reject %2 of them (in comments and HELP text they keep it)</source>
        <translation>有 %1 行以 CRLF（Windows 换行符）结尾；Prometheus 解析器会将 &apos;\r&apos; 视为值的一部分，从而拒绝其中 %2 行（注释和 HELP 文本中的 &apos;\r&apos; 会被保留）</translation>
    </message>
    <message>
        <source>%1 more problem(s) of this kind were not listed</source>
        <translation>另有 %1 个同类问题未列出</translation>
    </message>
    <message>
        <source>OpenMetrics text ends at &apos;# EOF&apos;; this line and everything after it is ignored</source>
        <translation>OpenMetrics 文本在 &apos;# EOF&apos; 处结束；此行及其后的所有内容都会被忽略</translation>
    </message>
    <message>
        <source>OpenMetrics does not allow empty lines</source>
        <translation>OpenMetrics 不允许空行</translation>
    </message>
    <message>
        <source>Remove the empty line</source>
        <translation>删除空行</translation>
    </message>
    <message>
        <source>the line holds only spaces or tabs</source>
        <translation>该行只包含空格或制表符</translation>
    </message>
    <message>
        <source>Remove the blank line</source>
        <translation>删除空白行</translation>
    </message>
    <message>
        <source>the line starts with spaces or tabs</source>
        <translation>该行以空格或制表符开头</translation>
    </message>
    <message>
        <source>Remove the leading whitespace</source>
        <translation>删除行首空白</translation>
    </message>
    <message>
        <source>the line ends with spaces or tabs, which the Pushgateway refuses (&quot;expected integer as timestamp&quot; or &quot;unknown metric type&quot;)</source>
        <translation>该行以空格或制表符结尾，Pushgateway 会拒收（&quot;expected integer as timestamp&quot; 或 &quot;unknown metric type&quot;）</translation>
    </message>
    <message>
        <source>the line ends with spaces or tabs</source>
        <translation>该行以空格或制表符结尾</translation>
    </message>
    <message>
        <source>Remove the trailing whitespace</source>
        <translation>删除行尾空白</translation>
    </message>
    <message>
        <source>tokens are separated by several blanks instead of a single space</source>
        <translation>各项之间以多个空白字符分隔，而非单个空格</translation>
    </message>
    <message>
        <source>tokens are separated by a tab instead of a single space</source>
        <translation>各项之间以制表符分隔，而非单个空格</translation>
    </message>
    <message>
        <source>Use a single space</source>
        <translation>改用单个空格</translation>
    </message>
</context>
<context>
    <name>TextParserComments</name>
    <message>
        <source>OpenMetrics has no comments; its &apos;# HELP&apos;, &apos;# TYPE&apos;, &apos;# UNIT&apos; and &apos;# EOF&apos; lines have exactly one space after &apos;#&apos;</source>
        <translation>OpenMetrics 不支持注释；其 &apos;# HELP&apos;、&apos;# TYPE&apos;、&apos;# UNIT&apos; 和 &apos;# EOF&apos; 行的 &apos;#&apos; 后恰好有一个空格</translation>
    </message>
    <message>
        <source>OpenMetrics has no comments: only &apos;# HELP&apos;, &apos;# TYPE&apos;, &apos;# UNIT&apos; and &apos;# EOF&apos; lines; remove this line</source>
        <translation>OpenMetrics 不支持注释，只允许 &apos;# HELP&apos;、&apos;# TYPE&apos;、&apos;# UNIT&apos; 和 &apos;# EOF&apos; 行；请删除此行</translation>
    </message>
    <message>
        <source>Remove the comment</source>
        <translation>删除注释</translation>
    </message>
    <message>
        <source>the last line is exactly &apos;# EOF&apos;, with nothing after it</source>
        <translation>最后一行必须恰好是 &apos;# EOF&apos;，其后不能有任何内容</translation>
    </message>
    <message>
        <source>&apos;# %1&apos; needs a metric name</source>
        <translation>&apos;# %1&apos; 需要指标名</translation>
    </message>
    <message>
        <source>&apos;# %1&apos; without a metric name is read as a plain comment; name the metric or remove the line</source>
        <translation>不带指标名的 &apos;# %1&apos; 会被当作普通注释；请写明指标名或删除此行</translation>
    </message>
    <message>
        <source>%1 is not a valid metric name: use letters, digits, &apos;_&apos; and &apos;:&apos;, not starting with a digit</source>
        <translation>%1 不是有效的指标名：只能使用字母、数字、&apos;_&apos; 和 &apos;:&apos;，且不能以数字开头</translation>
    </message>
    <message>
        <source>&apos;# %1 %2&apos; needs a space and then its text (which may be empty)</source>
        <translation>&apos;# %1 %2&apos; 后面需要一个空格，再接说明文本（可以为空）</translation>
    </message>
    <message>
        <source>&apos;# %1 %2&apos; needs a space and then its type (which may be empty)</source>
        <translation>&apos;# %1 %2&apos; 后面需要一个空格，再接类型（可以为空）</translation>
    </message>
    <message>
        <source>&apos;# %1 %2&apos; needs a space and then its unit (which may be empty)</source>
        <translation>&apos;# %1 %2&apos; 后面需要一个空格，再接单位（可以为空）</translation>
    </message>
    <message>
        <source>&apos;# TYPE %1&apos; names no type, so parsers read it as a plain comment and &apos;%1&apos; stays untyped; add counter, gauge, histogram, summary or untyped</source>
        <translation>&apos;# TYPE %1&apos; 未指定类型，因此解析器会将其当作普通注释，&apos;%1&apos; 仍为 untyped；请添加 counter、gauge、histogram、summary 或 untyped</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already has a UNIT line</source>
        <translation>&apos;%1&apos; 已有 UNIT 行</translation>
    </message>
    <message>
        <source>the UNIT of &apos;%1&apos; must come before its first sample (line %2)</source>
        <translation>&apos;%1&apos; 的 UNIT 必须位于其第一个样本（第 %2 行）之前</translation>
    </message>
    <message>
        <source>OpenMetrics requires the name of a metric with unit &apos;%1&apos; to end in &apos;_%1&apos;</source>
        <translation>OpenMetrics 要求单位为 &apos;%1&apos; 的指标名以 &apos;_%1&apos; 结尾</translation>
    </message>
    <message>
        <source>HELP text knows only the escapes \\, \&quot; and \n; OpenMetrics parsers keep this backslash as it is. Write a backslash as \\</source>
        <translation>HELP 文本只支持 \\、\&quot; 和 \n 转义；OpenMetrics 解析器会原样保留此反斜杠。反斜杠本身请写作 \\</translation>
    </message>
    <message>
        <source>HELP text may only use the escapes \\ and \n</source>
        <translation>HELP 文本只能使用 \\ 和 \n 转义</translation>
    </message>
    <message>
        <source>HELP text is not valid UTF-8, which Prometheus refuses to scrape (&quot;help text is not a valid utf8 string&quot;): a Pushgateway that stores it cannot be scraped at all; save the file as UTF-8</source>
        <translation>HELP 文本不是有效的 UTF-8，Prometheus 会拒绝抓取（&quot;help text is not a valid utf8 string&quot;）：存有该文本的 Pushgateway 将完全无法被抓取；请将文件保存为 UTF-8</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already has a HELP line</source>
        <translation>&apos;%1&apos; 已有 HELP 行</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has two different HELP lines; keep one</source>
        <translation>&apos;%1&apos; 有两条不同的 HELP 行；请只保留一条</translation>
    </message>
    <message>
        <source>the HELP of &apos;%1&apos; should come before its samples</source>
        <translation>&apos;%1&apos; 的 HELP 应位于其样本之前</translation>
    </message>
    <message>
        <source>text format 0.0.4 has no gauge histograms: the Pushgateway keeps the _bucket, _sum and _count lines as untyped metrics of their own; declare it histogram or gauge</source>
        <translation>文本格式 0.0.4 没有 gauge histogram：Pushgateway 会将 _bucket、_sum 和 _count 行各自保存为独立的 untyped 指标；请将其声明为 histogram 或 gauge</translation>
    </message>
    <message>
        <source>the Pushgateway drops the backslashes and reads &apos;%1&apos; as &apos;%2&apos;, but Prometheus&apos; own parser refuses it</source>
        <translation>Pushgateway 会去掉反斜杠，将 &apos;%1&apos; 读作 &apos;%2&apos;，但 Prometheus 自身的解析器会拒绝它</translation>
    </message>
    <message>
        <source>the Pushgateway reads &apos;%1&apos; as &apos;%2&apos;, but Prometheus&apos; own parser knows only lower case</source>
        <translation>Pushgateway 会将 &apos;%1&apos; 读作 &apos;%2&apos;，但 Prometheus 自身的解析器只识别小写</translation>
    </message>
    <message>
        <source>Write &apos;%1&apos;</source>
        <translation>改写为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>text format 0.0.4 has no &apos;%1&apos; type, so the Pushgateway refuses the file; declare it as gauge or untyped, or write the file in OpenMetrics</source>
        <translation>文本格式 0.0.4 没有 &apos;%1&apos; 类型，因此 Pushgateway 会拒收该文件；请将其声明为 gauge 或 untyped，或改用 OpenMetrics 格式编写文件</translation>
    </message>
    <message>
        <source>text format 0.0.4 has no &apos;%1&apos; type, so Prometheus refuses the file; declare it as gauge or untyped, or write the file in OpenMetrics</source>
        <translation>文本格式 0.0.4 没有 &apos;%1&apos; 类型，因此 Prometheus 会拒收该文件；请将其声明为 gauge 或 untyped，或改用 OpenMetrics 格式编写文件</translation>
    </message>
    <message>
        <source>text format 0.0.4 has no &apos;%1&apos; type: PromDesk sends its samples, but Prometheus refuses such a file; declare it as gauge or untyped, or write the file in OpenMetrics</source>
        <translation>文本格式 0.0.4 没有 &apos;%1&apos; 类型：PromDesk 会发送其样本，但 Prometheus 会拒收这样的文件；请将其声明为 gauge 或 untyped，或改用 OpenMetrics 格式编写文件</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a metric type; use counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown</source>
        <extracomment>the type names are keywords of the format: keep them in English</extracomment>
        <translation>&apos;%1&apos; 不是指标类型；请使用 counter、gauge、histogram、gaugehistogram、summary、info、stateset 或 unknown</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a metric type; use counter, gauge, histogram, summary or untyped</source>
        <translation>&apos;%1&apos; 不是指标类型；请使用 counter、gauge、histogram、summary 或 untyped</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already has a TYPE line</source>
        <translation>&apos;%1&apos; 已有 TYPE 行</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was declared %2 before and %3 here; keep one TYPE line</source>
        <translation>&apos;%1&apos; 之前声明为 %2，此处又声明为 %3；请只保留一条 TYPE 行</translation>
    </message>
    <message>
        <source>the TYPE of &apos;%1&apos; must come before its first sample (line %2)</source>
        <translation>&apos;%1&apos; 的 TYPE 必须位于其第一个样本（第 %2 行）之前</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is part of the %2 &apos;%3&apos;, which has a HELP line already: Prometheus and the Pushgateway read this as a second HELP line for &apos;%3&apos; and refuse it. Remove one of them</source>
        <extracomment>%2 is a metric type keyword: histogram or summary</extracomment>
        <translation>&apos;%1&apos; 属于 %2 &apos;%3&apos;，而后者已有 HELP 行：Prometheus 和 Pushgateway 会把这一行读作 &apos;%3&apos; 的第二个 HELP 行并拒绝。请删除其中一行</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is part of the %2 &apos;%3&apos;, which has a TYPE line already: Prometheus and the Pushgateway read this as a second TYPE line for &apos;%3&apos; and refuse it. Remove it, or rename the metric</source>
        <extracomment>%2 is a metric type keyword: histogram or summary</extracomment>
        <translation>&apos;%1&apos; 属于 %2 &apos;%3&apos;，而后者已有 TYPE 行：Prometheus 和 Pushgateway 会把这一行读作 &apos;%3&apos; 的第二个 TYPE 行并拒绝。请删除这一行，或为该指标改名</translation>
    </message>
</context>
<context>
    <name>TextParserFamilies</name>
    <message>
        <source>&apos;%1&apos; is written by the Pushgateway itself for every group; a pushed metric of that name is overwritten. Rename it</source>
        <translation>&apos;%1&apos; 由 Pushgateway 自己为每个分组写入；推送的同名指标会被覆盖。请重命名</translation>
    </message>
    <message>
        <source>the Pushgateway exports its own &apos;%1…&apos; metrics; a push whose type, help or labels collide with them is rejected as inconsistent. Prefer another prefix</source>
        <translation>Pushgateway 会导出自己的 &apos;%1…&apos; 指标；类型、HELP 或标签与之冲突的推送会因不一致而被拒绝。最好换用其他前缀</translation>
    </message>
    <message>
        <source>Move these lines up to the rest of &apos;%1&apos;</source>
        <translation>将这些行上移到 &apos;%1&apos; 的其余行处</translation>
    </message>
    <message>
        <source>&apos;%1&apos; continues here, but its lines ended at line %2 and other metrics came in between; keep all lines of a metric together</source>
        <translation>&apos;%1&apos; 在此处继续出现，但它的行已在第 %2 行结束，中间夹有其他指标；同一指标的所有行应放在一起</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a metric of its own here, but the %2 &apos;%3&apos; owns that name; the Pushgateway refuses the push (&quot;collides with previously collected metric&quot;). Move the line into &apos;%3&apos; after its TYPE line</source>
        <extracomment>%2 is a metric type keyword: histogram or summary</extracomment>
        <translation>&apos;%1&apos; 在此处是一个独立的指标，但该名称属于 %2 &apos;%3&apos;；Pushgateway 会拒收此推送（&quot;collides with previously collected metric&quot;）。请将此行移到 &apos;%3&apos; 中其 TYPE 行之后</translation>
    </message>
    <message>
        <source>bucket le=&quot;%1&quot; of &apos;%2&apos; counts %3, fewer than the bucket below it (%4); histogram buckets are cumulative</source>
        <translation>&apos;%2&apos; 的桶 le=&quot;%1&quot; 计数为 %3，少于前一个桶（%4）；histogram 的桶是累积的</translation>
    </message>
    <message>
        <source>histogram &apos;%1&apos; has no le=&quot;+Inf&quot; bucket, so histogram_quantile() cannot work with it; add one whose value equals %1_count (%2)</source>
        <translation>histogram &apos;%1&apos; 没有 le=&quot;+Inf&quot; 桶，histogram_quantile() 无法处理它；请添加一个值等于 %1_count（%2）的桶</translation>
    </message>
    <message>
        <source>histogram &apos;%1&apos; has no le=&quot;+Inf&quot; bucket, so histogram_quantile() cannot work with it; add one whose value equals %1_count</source>
        <translation>histogram &apos;%1&apos; 没有 le=&quot;+Inf&quot; 桶，histogram_quantile() 无法处理它；请添加一个值等于 %1_count 的桶</translation>
    </message>
    <message>
        <source>%1_count is %2 but the le=&quot;+Inf&quot; bucket (line %3) is %4; they must be equal</source>
        <translation>%1_count 为 %2，但 le=&quot;+Inf&quot; 桶（第 %3 行）为 %4；两者必须相等</translation>
    </message>
</context>
<context>
    <name>TextParserSamples</name>
    <message>
        <source>%1; an exemplar is written &apos; # {label=&quot;value&quot;} value [timestamp]&apos;</source>
        <extracomment>%1 says what is wrong with the exemplar; the rest shows its syntax</extracomment>
        <translation>%1；示例（exemplar）的写法为 &apos; # {label=&quot;value&quot;} value [timestamp]&apos;</translation>
    </message>
    <message>
        <source>the exemplar needs exactly one space before &apos;#&apos;</source>
        <translation>示例（exemplar）的 &apos;#&apos; 前必须恰好有一个空格</translation>
    </message>
    <message>
        <source>the exemplar&apos;s &apos;#&apos; is followed by one space and &apos;{&apos;</source>
        <translation>示例（exemplar）的 &apos;#&apos; 后应为一个空格和 &apos;{&apos;</translation>
    </message>
    <message>
        <source>the exemplar&apos;s labels are not name=&quot;value&quot; pairs</source>
        <translation>示例（exemplar）的标签不是 name=&quot;value&quot; 对</translation>
    </message>
    <message>
        <source>an exemplar label&apos;s value has no closing &apos;&quot;&apos;</source>
        <translation>示例（exemplar）的某个标签值缺少结尾的 &apos;&quot;&apos;</translation>
    </message>
    <message>
        <source>an exemplar label&apos;s value is not valid UTF-8</source>
        <translation>示例（exemplar）的某个标签值不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>the exemplar&apos;s labels are separated by &apos;,&apos;</source>
        <translation>示例（exemplar）的标签之间应以 &apos;,&apos; 分隔</translation>
    </message>
    <message>
        <source>the exemplar&apos;s labels are not closed with &apos;}&apos;</source>
        <translation>示例（exemplar）的标签未以 &apos;}&apos; 结束</translation>
    </message>
    <message>
        <source>the exemplar&apos;s labels hold %1 characters; OpenMetrics allows 128</source>
        <translation>示例（exemplar）的标签共 %1 个字符；OpenMetrics 最多允许 128 个</translation>
    </message>
    <message>
        <source>the exemplar&apos;s labels are followed by one space and its value</source>
        <translation>示例（exemplar）的标签之后应为一个空格及其值</translation>
    </message>
    <message>
        <source>the exemplar&apos;s value is not a decimal number</source>
        <translation>示例（exemplar）的值不是十进制数</translation>
    </message>
    <message>
        <source>the exemplar&apos;s timestamp is not a finite decimal number of seconds</source>
        <translation>示例（exemplar）的时间戳不是有限的十进制秒数</translation>
    </message>
    <message>
        <source>the sample has no metric name before &apos;{&apos;; remote write drops series without __name__</source>
        <translation>该样本的 &apos;{&apos; 之前没有指标名；remote write 会丢弃没有 __name__ 的序列</translation>
    </message>
    <message>
        <source>%1 is not a valid metric name: use letters, digits, &apos;_&apos; and &apos;:&apos;, not starting with a digit</source>
        <translation>%1 不是有效的指标名：只能使用字母、数字、&apos;_&apos; 和 &apos;:&apos;，且不能以数字开头</translation>
    </message>
    <message>
        <source>OpenMetrics writes the labels&apos; &apos;{&apos; right after the metric name</source>
        <translation>OpenMetrics 要求标签的 &apos;{&apos; 紧跟在指标名之后</translation>
    </message>
    <message>
        <source>OpenMetrics allows no blanks inside &apos;{...}&apos; outside the quoted values</source>
        <translation>OpenMetrics 不允许在 &apos;{...}&apos; 内引号括起的值之外出现空白</translation>
    </message>
    <message>
        <source>the label list is not closed with &apos;}&apos;</source>
        <translation>标签列表未以 &apos;}&apos; 结束</translation>
    </message>
    <message>
        <source>OpenMetrics does not allow a comma before &apos;}&apos;</source>
        <translation>OpenMetrics 不允许在 &apos;}&apos; 前有逗号</translation>
    </message>
    <message>
        <source>Remove the trailing comma</source>
        <translation>删除末尾的逗号</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after the value of label %1</source>
        <translation>标签 %1 的值之后应为 &apos;,&apos; 或 &apos;}&apos;</translation>
    </message>
    <message>
        <source>%1 is not a valid label name: use letters, digits and &apos;_&apos;, not starting with a digit</source>
        <translation>%1 不是有效的标签名：只能使用字母、数字和 &apos;_&apos;，且不能以数字开头</translation>
    </message>
    <message>
        <source>expected &apos;=&apos; after label name %1</source>
        <translation>标签名 %1 之后应为 &apos;=&apos;</translation>
    </message>
    <message>
        <source>the value of label %1 must be in double quotes</source>
        <translation>标签 %1 的值必须用双引号括起</translation>
    </message>
    <message>
        <source>the value of label %1 has no closing &apos;&quot;&apos;</source>
        <translation>标签 %1 的值缺少结尾的 &apos;&quot;&apos;</translation>
    </message>
    <message>
        <source>%1 is not an escape sequence; OpenMetrics parsers keep the backslash as it is. Write a backslash as \\</source>
        <translation>%1 不是转义序列；OpenMetrics 解析器会原样保留该反斜杠。反斜杠本身请写作 \\</translation>
    </message>
    <message>
        <source>%1 is not an escape sequence; label values may only use \\, \&quot; and \n (write a backslash as \\)</source>
        <translation>%1 不是转义序列；标签值只能使用 \\、\&quot; 和 \n（反斜杠本身请写作 \\）</translation>
    </message>
    <message>
        <source>the value of label %1 is not valid UTF-8; save the file as UTF-8</source>
        <translation>标签 %1 的值不是有效的 UTF-8；请将文件保存为 UTF-8</translation>
    </message>
    <message>
        <source>OpenMetrics wants a space between the labels&apos; &apos;}&apos; and the value</source>
        <translation>OpenMetrics 要求标签的 &apos;}&apos; 与值之间有一个空格</translation>
    </message>
    <message>
        <source>the sample %1 has no value</source>
        <translation>样本 %1 没有值</translation>
    </message>
    <message>
        <source>%1 is a hexadecimal number, which Prometheus&apos; text parsers and the Pushgateway refuse (400 &quot;expected float as value&quot;); write it in decimal: &apos;%2&apos;</source>
        <translation>%1 是十六进制数，Prometheus 的文本解析器和 Pushgateway 都会拒绝（400 &quot;expected float as value&quot;）；请改写为十进制：&apos;%2&apos;</translation>
    </message>
    <message>
        <source>Write &apos;%1&apos;</source>
        <translation>改写为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>write %1 as &apos;%2&apos;, the spelling Prometheus&apos; own writers use</source>
        <translation>请将 %1 写作 &apos;%2&apos;，这是 Prometheus 自身输出时采用的写法</translation>
    </message>
    <message>
        <source>%1 is not a number: use &apos;.&apos; as the decimal separator and no thousands separators</source>
        <translation>%1 不是数字：请用 &apos;.&apos; 作小数点，且不要使用千位分隔符</translation>
    </message>
    <message>
        <source>%1 is not a number: use a number such as 1.5, 2e-3, NaN, +Inf or -Inf</source>
        <translation>%1 不是数字：请使用 1.5、2e-3、NaN、+Inf 或 -Inf 这样的数字</translation>
    </message>
    <message>
        <source>unexpected text after the sample: %1</source>
        <translation>样本之后有意外的文本：%1</translation>
    </message>
    <message>
        <source>the exemplar is read but not kept; PromDesk pushes the sample without it</source>
        <translation>示例（exemplar）会被读取但不会保留；PromDesk 推送样本时不带它</translation>
    </message>
    <message>
        <source>exemplars are not part of text format 0.0.4; a Pushgateway fails to parse this line</source>
        <translation>文本格式 0.0.4 不支持示例（exemplar）；Pushgateway 无法解析此行</translation>
    </message>
    <message>
        <source>Remove the exemplar</source>
        <translation>删除示例（exemplar）</translation>
    </message>
    <message>
        <source>%1 is beyond what a 64-bit float holds, and Prometheus refuses it; write a number no larger than about 1.8e308, or +Inf or -Inf</source>
        <translation>%1 超出了 64 位浮点数的表示范围，Prometheus 会拒绝；请写一个绝对值不超过约 1.8e308 的数，或写 +Inf 或 -Inf</translation>
    </message>
</context>
<context>
    <name>TextParserSeries</name>
    <message>
        <source>%1 is not a timestamp; OpenMetrics timestamps are Unix seconds, e.g. 1700000000.123</source>
        <translation>%1 不是时间戳；OpenMetrics 的时间戳为 Unix 秒数，例如 1700000000.123</translation>
    </message>
    <message>
        <source>%1 looks like milliseconds, but OpenMetrics timestamps are seconds (it would be the year %2)</source>
        <translation>%1 看起来是毫秒，但 OpenMetrics 的时间戳以秒为单位（按秒计将是 %2 年）</translation>
    </message>
    <message>
        <source>Convert to seconds</source>
        <translation>转换为秒</translation>
    </message>
    <message>
        <source>%1 is outside the range of timestamps: in milliseconds it does not fit a signed 64-bit integer (about 292 million years either side of 1970). Check the unit.</source>
        <translation>%1 超出时间戳范围：换算成毫秒后超出有符号 64 位整数的范围（1970 年前后约 2.92 亿年）。请检查单位。</translation>
    </message>
    <message>
        <source>%1 is outside the range of timestamps: in milliseconds it does not fit a signed 64-bit integer (about 292 million years either side of 1970). Check the unit; PromDesk leaves this sample out.</source>
        <translation>%1 超出时间戳范围：换算成毫秒后超出有符号 64 位整数的范围（1970 年前后约 2.92 亿年）。请检查单位；PromDesk 会略过此样本。</translation>
    </message>
    <message>
        <source>%1 is outside the range of timestamps: milliseconds in a signed 64-bit integer (about 292 million years either side of 1970). Check the unit.</source>
        <translation>%1 超出时间戳范围：时间戳为有符号 64 位整数表示的毫秒数（1970 年前后约 2.92 亿年）。请检查单位。</translation>
    </message>
    <message>
        <source>Convert to milliseconds</source>
        <translation>转换为毫秒</translation>
    </message>
    <message>
        <source>%1 is not a valid timestamp: this looks like seconds with a fraction; text-format timestamps are whole milliseconds</source>
        <translation>%1 不是有效的时间戳：看起来是带小数的秒数；文本格式的时间戳应为整数毫秒</translation>
    </message>
    <message>
        <source>%1 is not a valid timestamp: text-format timestamps are whole milliseconds since the Unix epoch</source>
        <translation>%1 不是有效的时间戳：文本格式的时间戳应为自 Unix 纪元起的整数毫秒数</translation>
    </message>
    <message>
        <source>%1 looks like seconds, but text-format timestamps are milliseconds (as given it is a moment in the month %2)</source>
        <translation>%1 看起来是秒，但文本格式的时间戳以毫秒为单位（按原值解读，对应 %2 这个月中的某一时刻）</translation>
    </message>
    <message>
        <source>a Pushgateway rejects pushed metrics with timestamps (&apos;pushed metrics must not have timestamps&apos;); remove it, or send through remote write</source>
        <translation>Pushgateway 会拒收带时间戳的推送指标（&apos;pushed metrics must not have timestamps&apos;）；请删除时间戳，或通过 remote write 发送</translation>
    </message>
    <message>
        <source>Remove the timestamp</source>
        <translation>删除时间戳</translation>
    </message>
    <message>
        <source>%1 is %2 ahead of this machine&apos;s clock. A remote-write receiver such as Prometheus accepts it and then refuses every current sample as &apos;out of bounds&apos; until that time. Check the clock and the timestamps&apos; unit; --allow-future sends it anyway.</source>
        <extracomment>%1 is a date and time, %2 a span of time</extracomment>
        <translation>%1 比本机时钟超前 %2。Prometheus 等 remote write 接收端会接受它，但在那个时间点之前，会以 &apos;out of bounds&apos; 拒收所有当前样本。请检查时钟和时间戳的单位；使用 --allow-future 可仍然发送。</translation>
    </message>
    <message>
        <source>%1 is %2 ahead of this machine&apos;s clock (sent anyway: --allow-future). The receiver will refuse current samples until then.</source>
        <extracomment>%1 is a date and time, %2 a span of time</extracomment>
        <translation>%1 比本机时钟超前 %2（已通过 --allow-future 仍然发送）。在那个时间点之前，接收端将拒收当前样本。</translation>
    </message>
    <message>
        <source>%1 is %2 ahead of this machine&apos;s clock; a remote-write receiver that takes it refuses current samples until then</source>
        <extracomment>%1 is a date and time, %2 a span of time</extracomment>
        <translation>%1 比本机时钟超前 %2；接受它的 remote write 接收端在那个时间点之前会拒收当前样本</translation>
    </message>
    <message>
        <source>this sample repeats line %1 exactly (series, time and value); it is sent once</source>
        <translation>该样本与第 %1 行完全相同（序列、时间和值）；只会发送一次</translation>
    </message>
    <message>
        <source>this series was already given on line %1 at this time with another value; Prometheus keeps one and drops the other without a word: keep one of them</source>
        <translation>该序列在第 %1 行已以相同时间、不同的值给出；Prometheus 会保留其一并静默丢弃另一个：请只保留其中一个</translation>
    </message>
    <message>
        <source>this series repeats line %1; Prometheus keeps the first and drops this one</source>
        <translation>该序列与第 %1 行重复；Prometheus 会保留第一个并丢弃此行</translation>
    </message>
    <message>
        <source>this part of a histogram or summary repeats line %1; the Pushgateway keeps one of them without saying which, and Prometheus drops a repeated bucket; keep one</source>
        <translation>histogram 或 summary 的这一部分与第 %1 行重复；Pushgateway 会保留其中一个但不说明是哪一个，Prometheus 则会丢弃重复的桶；请只保留一个</translation>
    </message>
    <message>
        <source>this series repeats line %1 exactly; Prometheus and the Pushgateway reject duplicate series</source>
        <translation>该序列与第 %1 行完全相同；Prometheus 和 Pushgateway 会拒收重复的序列</translation>
    </message>
    <message>
        <source>this series was already given on line %1 with another value; keep one of them</source>
        <translation>该序列已在第 %1 行以不同的值给出；请只保留其中一个</translation>
    </message>
    <message>
        <source>Remove the repeated line</source>
        <translation>删除重复的行</translation>
    </message>
    <message>
        <source>label %1 appears twice in one sample</source>
        <translation>标签 %1 在同一样本中出现了两次</translation>
    </message>
    <message>
        <source>TMP allows at most %1 labels per series, counting __name__; this one has %2</source>
        <translation>TMP 每个序列最多允许 %1 个标签（含 __name__）；此序列有 %2 个</translation>
    </message>
    <message>
        <source>label names starting with &apos;__&apos; are reserved for Prometheus&apos; internal use; rename %1</source>
        <translation>以 &apos;__&apos; 开头的标签名保留给 Prometheus 内部使用；请重命名 %1</translation>
    </message>
    <message>
        <source>label %1 is empty; remote write forbids empty label values (an empty label is the same as no label)</source>
        <translation>标签 %1 为空；remote write 禁止空标签值（空标签等同于没有该标签）</translation>
    </message>
    <message>
        <source>Remove the empty label</source>
        <translation>删除空标签</translation>
    </message>
    <message>
        <source>the grouping key&apos;s job replaces this &apos;job&apos; label when the Pushgateway stores the push; put the job in the grouping key instead</source>
        <translation>Pushgateway 保存推送时，分组键中的 job 会替换此 &apos;job&apos; 标签；请改为在分组键中指定 job</translation>
    </message>
    <message>
        <source>TMP allows label names of at most %1 characters; this one has %2</source>
        <translation>TMP 允许的标签名最长为 %1 个字符；此标签名有 %2 个</translation>
    </message>
    <message>
        <source>TMP allows label values of at most %1 characters; %2 has %3</source>
        <translation>TMP 允许的标签值最长为 %1 个字符；标签 %2 的值有 %3 个</translation>
    </message>
    <message>
        <source>the Pushgateway stores a sample named after a gauge_histogram, but then writes &apos;# TYPE %1&apos; with no type, and Prometheus refuses to scrape the whole gateway (&quot;invalid metric type&quot;); declare &apos;%1&apos; as gauge</source>
        <translation>Pushgateway 会保存以 gauge_histogram 命名的样本，但随后写出不带类型的 &apos;# TYPE %1&apos;，导致 Prometheus 拒绝抓取整个网关（&quot;invalid metric type&quot;）；请将 &apos;%1&apos; 声明为 gauge</translation>
    </message>
    <message>
        <source>an OpenMetrics counter&apos;s samples are named &apos;%1_total&apos; (and &apos;%1_created&apos;)</source>
        <translation>OpenMetrics 的 counter 样本应命名为 &apos;%1_total&apos;（以及 &apos;%1_created&apos;）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is declared %2, whose samples are named with suffixes such as &apos;_bucket&apos;, &apos;_sum&apos; and &apos;_count&apos;</source>
        <translation>&apos;%1&apos; 声明为 %2，其样本名应带 &apos;_bucket&apos;、&apos;_sum&apos;、&apos;_count&apos; 等后缀</translation>
    </message>
    <message>
        <source>only a counter&apos;s _total and a histogram&apos;s buckets may carry an exemplar</source>
        <translation>只有 counter 的 _total 和 histogram 的桶可以带示例（exemplar）</translation>
    </message>
    <message>
        <source>a histogram bucket needs an &apos;le&apos; label with its upper bound</source>
        <translation>histogram 的桶需要带有表示其上界的 &apos;le&apos; 标签</translation>
    </message>
    <message>
        <source>a histogram bucket needs an &apos;le&apos; label with its upper bound; without it, the Pushgateway drops this sample</source>
        <translation>histogram 的桶需要带有表示其上界的 &apos;le&apos; 标签；缺少该标签时，Pushgateway 会丢弃此样本</translation>
    </message>
    <message>
        <source>a summary sample named after its family needs a &apos;quantile&apos; label; the total goes in &apos;%1_sum&apos; and &apos;%1_count&apos;</source>
        <translation>以指标族名命名的 summary 样本需要 &apos;quantile&apos; 标签；总计应写在 &apos;%1_sum&apos; 和 &apos;%1_count&apos; 中</translation>
    </message>
    <message>
        <source>a summary sample named after its family needs a &apos;quantile&apos; label; the total goes in &apos;%1_sum&apos; and &apos;%1_count&apos;; without it, the Pushgateway drops this sample</source>
        <translation>以指标族名命名的 summary 样本需要 &apos;quantile&apos; 标签；总计应写在 &apos;%1_sum&apos; 和 &apos;%1_count&apos; 中；缺少该标签时，Pushgateway 会丢弃此样本</translation>
    </message>
    <message>
        <source>the &apos;%1&apos; label must be a number, not %2</source>
        <translation>&apos;%1&apos; 标签必须是数字，而不是 %2</translation>
    </message>
    <message>
        <source>the &apos;%1&apos; label&apos;s value %2 is hexadecimal, which the Pushgateway refuses (400 &quot;expected float as value for &apos;%1&apos; label&quot;); write it in decimal: &apos;%3&apos;</source>
        <translation>&apos;%1&apos; 标签的值 %2 是十六进制数，Pushgateway 会拒收（400 &quot;expected float as value for &apos;%1&apos; label&quot;）；请改写为十进制：&apos;%3&apos;</translation>
    </message>
    <message>
        <source>the &apos;%1&apos; label cannot be NaN</source>
        <translation>&apos;%1&apos; 标签不能为 NaN</translation>
    </message>
    <message>
        <source>OpenMetrics spells this bound only &apos;+Inf&apos;, not %1</source>
        <translation>OpenMetrics 中此上界只能写作 &apos;+Inf&apos;，不能写作 %1</translation>
    </message>
    <message>
        <source>quantile %1 is outside [0, 1]; quantiles are fractions such as 0.5 or 0.99</source>
        <translation>quantile %1 超出 [0, 1] 范围；分位数是 0.5 或 0.99 这样的小数</translation>
    </message>
    <message>
        <source>counter &apos;%1&apos; is negative; counters only go up from 0 (use a gauge for values that can fall)</source>
        <translation>counter &apos;%1&apos; 为负数；counter 只能从 0 开始递增（会下降的值请使用 gauge）</translation>
    </message>
    <message>
        <source>histogram counts cannot be negative</source>
        <translation>histogram 的计数不能为负数</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>--lang needs a language: system or one of %1</source>
        <translation>--lang 需要指定语言：system 或 %1 之一</translation>
    </message>
    <message>
        <source>--lang &apos;%1&apos; is not a language PromDesk speaks: use system or one of %2</source>
        <translation>--lang &apos;%1&apos; 不是 PromDesk 支持的语言：请使用 system 或 %2 之一</translation>
    </message>
</context>
<context>
    <name>UiSettings</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>PromDesk speaks the chosen language from its next start.</source>
        <translation>PromDesk 将在下次启动时使用所选语言。</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message>
        <source>promdesk-cli validate [--target T] [--format F] [--json] FILE...|-
       promdesk-cli validate --fix --output OUT FILE|-</source>
        <extracomment>Command synopsis: the command, option names and OUT stay as they are.</extracomment>
        <translation>promdesk-cli validate [--target T] [--format F] [--json] FILE...|-
       promdesk-cli validate --fix --output OUT FILE|-</translation>
    </message>
    <message>
        <source>Checks text exposition (0.0.4) or OpenMetrics files and lists every problem at once as
FILE:LINE:COL: error|warning: message [code]. Exit code 0 when there is no error, 1 when
there is, 2 on usage or I/O errors. With --fix, every safe fix is applied and the result
written to OUT; nothing is written while an error without a safe fix remains.
</source>
        <extracomment>&quot;FILE:LINE:COL: error|warning: message [code]&quot; is the output format: keep &quot;error&quot; and &quot;warning&quot; in English.</extracomment>
        <translation>校验文本暴露格式（0.0.4）或 OpenMetrics 文件，一次列出所有问题，格式为
FILE:LINE:COL: error|warning: message [code]。无错误时退出码为 0，有错误时
为 1，用法或 I/O 错误时为 2。使用 --fix 时会应用所有安全修复，并将结果写入
OUT；只要仍有无法安全修复的错误，就不会写入任何内容。
</translation>
    </message>
    <message>
        <source>%1: %2 error(s), %3 warning(s) in %4 line(s), %5 sample(s) (%6)
</source>
        <extracomment>%1 file name, %6 format name (text or openmetrics)</extracomment>
        <translation>%1：共 %4 行、%5 个样本，%2 个错误，%3 个警告（%6）
</translation>
    </message>
    <message>
        <source>%1 fix(es) applied, but %2 error(s) need a change by hand; nothing was written
</source>
        <translation>已应用 %1 项修复，但仍有 %2 个错误需要手动修改；未写入任何内容
</translation>
    </message>
    <message>
        <source>%1 fix(es) applied; %2 warning(s) remain
</source>
        <translation>已应用 %1 项修复；仍有 %2 个警告
</translation>
    </message>
    <message>
        <source>Add the rules of a receiver: generic, pushgateway, remote-write or tmp (default generic).</source>
        <translation>附加某类接收端的规则：generic、pushgateway、remote-write 或 tmp（默认 generic）。</translation>
    </message>
    <message>
        <source>Input format: auto, text or openmetrics (default auto: OpenMetrics when the file ends in &apos;# EOF&apos;).</source>
        <translation>输入格式：auto、text 或 openmetrics（默认 auto：文件以 &apos;# EOF&apos; 结尾时按 OpenMetrics 处理）。</translation>
    </message>
    <message>
        <source>Print the problems as JSON.</source>
        <translation>以 JSON 格式输出问题。</translation>
    </message>
    <message>
        <source>Apply every safe fix.</source>
        <translation>应用所有安全修复。</translation>
    </message>
    <message>
        <source>With --fix: where to write the fixed file (&apos;-&apos; for standard output).</source>
        <translation>配合 --fix：修复后文件的写入位置（&apos;-&apos; 表示标准输出）。</translation>
    </message>
    <message>
        <source>List at most N problems of each kind, then count the rest (default 1000; 0 lists all).</source>
        <translation>每类问题最多列出 N 个，其余只计数（默认 1000；0 表示全部列出）。</translation>
    </message>
    <message>
        <source>For remote-write and tmp: samples more than 10 minutes ahead are a warning, not an error.</source>
        <translation>用于 remote-write 和 tmp：超前 10 分钟以上的样本只作为警告，而非错误。</translation>
    </message>
    <message>
        <source>Files to check; &apos;-&apos; reads standard input.</source>
        <translation>要校验的文件；&apos;-&apos; 表示读取标准输入。</translation>
    </message>
    <message>
        <source>unknown --target &apos;%1&apos;; use generic, pushgateway, remote-write or tmp
</source>
        <translation>未知的 --target &apos;%1&apos;；请使用 generic、pushgateway、remote-write 或 tmp
</translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos;; use auto, text or openmetrics
</source>
        <translation>未知的 --format &apos;%1&apos;；请使用 auto、text 或 openmetrics
</translation>
    </message>
    <message>
        <source>--max-problems needs a whole number, 0 or more
</source>
        <translation>--max-problems 需要一个大于或等于 0 的整数
</translation>
    </message>
    <message>
        <source>validate needs a FILE, or &apos;-&apos; for standard input
</source>
        <translation>validate 需要一个 FILE，或用 &apos;-&apos; 表示标准输入
</translation>
    </message>
    <message>
        <source>Usage: %1
</source>
        <translation>用法：%1
</translation>
    </message>
    <message>
        <source>--fix takes one FILE and needs --output OUT (use &apos;-o -&apos; for standard output)
</source>
        <translation>--fix 只接受一个 FILE，且需要 --output OUT（标准输出请用 &apos;-o -&apos;）
</translation>
    </message>
    <message>
        <source>%1 changed while it was read (%2 of %3 bytes); check it again once it is written
</source>
        <translation>%1 在读取期间发生了变化（读到 %3 字节中的 %2 字节）；请在写入完成后重新检查
</translation>
    </message>
</context>
<context>
    <name>ValueGenerator</name>
    <message>
        <source>a generator is now, inc:STEP, random:MIN:MAX, walk:MIN:MAX:STEP or sine:MIN:MAX:PERIOD</source>
        <extracomment>keep the generator forms (now, inc:STEP, random:MIN:MAX…) as they are</extracomment>
        <translation>生成器的形式为 now、inc:STEP、random:MIN:MAX、walk:MIN:MAX:STEP 或 sine:MIN:MAX:PERIOD</translation>
    </message>
    <message>
        <source>write it as %1</source>
        <extracomment>%1 is a generator form such as random:MIN:MAX</extracomment>
        <translation>应写作 %1</translation>
    </message>
    <message>
        <source>not a generator; %1</source>
        <translation>不是生成器；%1</translation>
    </message>
    <message>
        <source>%1 is not a finite number</source>
        <translation>%1 不是有限数值</translation>
    </message>
    <message>
        <source>MIN (%1) is above MAX (%2)</source>
        <extracomment>keep MIN and MAX: they name the parts of the generator</extracomment>
        <translation>MIN（%1）大于 MAX（%2）</translation>
    </message>
    <message>
        <source>the walk&apos;s STEP must be above 0</source>
        <translation>walk 的 STEP 必须大于 0</translation>
    </message>
    <message>
        <source>%1 is a histogram: its buckets, sum and count must agree with each other, and one generated value cannot keep them so; push it as it is</source>
        <translation>%1 是 histogram：其桶、sum 和 count 必须相互一致，单个生成值无法保持这种一致；请按原样推送</translation>
    </message>
    <message>
        <source>%1 is a summary: its quantiles, sum and count must agree with each other, and one generated value cannot keep them so; push it as it is</source>
        <translation>%1 是 summary：其分位数、sum 和 count 必须相互一致，单个生成值无法保持这种一致；请按原样推送</translation>
    </message>
    <message>
        <source>%1 is not a series: give a metric name, or one series as the draft writes it, such as name{instance=&quot;a&quot;}</source>
        <translation>%1 不是序列：请给出指标名，或按草稿中的写法给出一个序列，例如 name{instance=&quot;a&quot;}</translation>
    </message>
    <message>
        <source>%1: write it as SERIES=GENERATOR, such as backup_time=now</source>
        <extracomment>keep SERIES=GENERATOR and backup_time=now as they are</extracomment>
        <translation>%1：应写作 SERIES=GENERATOR，例如 backup_time=now</translation>
    </message>
    <message>
        <source>%1 names no series of the draft</source>
        <translation>%1 不对应草稿中的任何序列</translation>
    </message>
</context>
<context>
    <name>WriteRequestCodec</name>
    <message>
        <source>the body is not snappy (block format) data of at most %1 MB uncompressed</source>
        <translation>请求体不是解压后不超过 %1 MB 的 snappy（块格式）数据</translation>
    </message>
    <message>
        <source>the body is not a prometheus.WriteRequest</source>
        <translation>请求体不是 prometheus.WriteRequest</translation>
    </message>
    <message>
        <source>the body is not an io.prometheus.write.v2.Request</source>
        <translation>请求体不是 io.prometheus.write.v2.Request</translation>
    </message>
    <message>
        <source>a series has a label name without a value (an odd number of label refs)</source>
        <translation>某个序列有标签名但没有值（标签引用个数为奇数）</translation>
    </message>
    <message>
        <source>a label refers past the symbols table</source>
        <translation>某个标签的引用超出了符号表范围</translation>
    </message>
</context>
<context>
    <name>promdesk</name>
    <message>
        <source>Open the window, let it validate once, and exit (for CI).</source>
        <translation>打开窗口，执行一次校验后退出（用于 CI）。</translation>
    </message>
    <message>
        <source>Pushgateway URL of the local sandbox.</source>
        <translation>本地沙箱的 Pushgateway URL。</translation>
    </message>
    <message>
        <source>Remote write URL of the local sandbox.</source>
        <translation>本地沙箱的 remote write URL。</translation>
    </message>
    <message>
        <source>Query API of the local sandbox&apos;s Prometheus, for arrival checks.</source>
        <translation>本地沙箱中 Prometheus 的查询 API，用于到达检查。</translation>
    </message>
    <message>
        <source>Open this view: compose, push, groups, lab, backfill, jobs or history.</source>
        <translation>打开此视图：compose、push、groups、lab、backfill、jobs 或 history。</translation>
    </message>
    <message>
        <source>Reset the overwrite lab and run its first N steps (for demonstrations).</source>
        <translation>重置覆盖实验室并执行前 N 步（用于演示）。</translation>
    </message>
    <message>
        <source>Push TMP&apos;s example every 2 s as these machines, with arrival checks (for demonstrations).</source>
        <translation>以这些机器的身份每 2 秒推送一次 TMP 示例，并进行到达检查（用于演示）。</translation>
    </message>
    <message>
        <source>Use a dark palette whatever the system&apos;s.</source>
        <translation>无论系统设置如何，均使用深色配色。</translation>
    </message>
    <message>
        <source>Use a high-contrast palette (black on white) whatever the system&apos;s.</source>
        <translation>无论系统设置如何，均使用高对比度配色（白底黑字）。</translation>
    </message>
    <message>
        <source>Show Compose&apos;s table rather than its text.</source>
        <translation>显示“编写”的表格而非文本。</translation>
    </message>
    <message>
        <source>Open the profile dialog (for demonstrations).</source>
        <translation>打开配置档案对话框（用于演示）。</translation>
    </message>
    <message>
        <source>Show the console in this language: system, or one of %1 (default: the choice in View &gt; Language, else the system&apos;s).</source>
        <translation>控制台使用的语言：system 或 %1 之一（默认：视图 &gt; 语言中的选择，未选择时使用系统语言）。</translation>
    </message>
    <message>
        <source>Print the time of the first painted frame and quit (bench/gui.sh).</source>
        <translation>输出首帧绘制完成的时间后退出（bench/gui.sh）。</translation>
    </message>
    <message>
        <source>Desktop console for pushing metrics to Prometheus backends</source>
        <translation>用于向 Prometheus 后端推送指标的桌面控制台</translation>
    </message>
    <message>
        <source>A metrics file to open in Compose.</source>
        <translation>要在“编写”中打开的指标文件。</translation>
    </message>
    <message>
        <source>promdesk --self-test: the window has no icon or no desktop file name</source>
        <translation>promdesk --self-test: 窗口没有图标，或未设置 desktop 文件名</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::BackfillView</name>
    <message>
        <source>Backfill plan</source>
        <translation>回填计划</translation>
    </message>
    <message>
        <source>File to backfill</source>
        <translation>要回填的文件</translation>
    </message>
    <message>
        <source>A text exposition file with timestamps, OpenMetrics, or CSV…</source>
        <translation>带时间戳的文本暴露格式文件、OpenMetrics 或 CSV 文件…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Backfill from</source>
        <translation>选择回填文件</translation>
    </message>
    <message>
        <source>Metrics (*.prom *.txt *.om *.csv);;All files (*)</source>
        <translation>指标文件 (*.prom *.txt *.om *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>At most this many samples in one request. Prometheus&apos; own remote write sends 2,000; a receiver with a body limit may need fewer.</source>
        <translation>单个请求最多包含的样本数。Prometheus 自身的 remote write 每次发送 2,000 个；有请求体大小限制的接收端可能需要更少。</translation>
    </message>
    <message>
        <source>Samples per re&amp;quest:</source>
        <translation>每个请求的样本数(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Leave out samples more than 1 hour old</source>
        <translation>略过超过 1 小时的旧样本(&amp;L)</translation>
    </message>
    <message>
        <source>A Prometheus receiver that already has current data refuses them as &quot;out of bounds&quot;, and one refused sample fails its whole request. The plan counts what is left out.</source>
        <translation>已有当前数据的 Prometheus 接收端会以 &quot;out of bounds&quot; 拒收这些样本，而只要有一个样本被拒，整个请求就会失败。计划中会统计略过的样本数。</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Send &amp;anyway…</source>
        <translation>仍然发送(&amp;A)…</translation>
    </message>
    <message>
        <source>Plans what could be read of a file with errors, for the receiver&apos;s own verdict. It lists the errors and asks first.</source>
        <translation>为有错误的文件中能读取的部分制定计划，交由接收端自行判定。会先列出错误并请求确认。</translation>
    </message>
    <message>
        <source>Batches sent</source>
        <translation>已发送批次</translation>
    </message>
    <message>
        <source>The profile changed: Start sends the whole plan to the new profile.</source>
        <translation>配置档案已更改：点击“开始”将把整个计划发送到新的配置档案。</translation>
    </message>
    <message>
        <source>Send a file with errors?</source>
        <translation>发送有错误的文件？</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n error(s). What could be read goes to the receiver as it is, for its own verdict; a line that could not be read is left out. The answers are kept in the history.

</source>
        <translation>
            <numerusform>文件有 %n 个错误。能读取的内容将原样发送给接收端，由其自行判定；无法读取的行会被略过。响应会保存在历史记录中。

</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan it anyway</source>
        <translation>仍然制定计划</translation>
    </message>
    <message>
        <source>Cannot read %1: %2
</source>
        <translation>无法读取 %1：%2
</translation>
    </message>
    <message>
        <source>The file has errors; sent anyway, as confirmed: what could be read goes out, for the receiver&apos;s own verdict.
</source>
        <translation>文件有错误；已按确认仍然发送：能读取的内容将发出，由接收端自行判定。
</translation>
    </message>
    <message>
        <source>The file has errors; fix them first, or use Send anyway for the receiver&apos;s own verdict:
</source>
        <translation>文件有错误；请先修复，或使用“仍然发送”交由接收端自行判定：
</translation>
    </message>
    <message>
        <source>Left out: %1 of %2 samples, those before %3 (more than 1 hour old; a receiver with current data would refuse them).
</source>
        <translation>已略过：%2 个样本中的 %1 个，即 %3 之前的样本（超过 1 小时；已有当前数据的接收端会拒收）。
</translation>
    </message>
    <message>
        <source>A backfill is sending: cancel it before loading another file.</source>
        <translation>正在发送回填：请先取消，再加载其他文件。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1/%2 samples · %3 samples/s · ETA %4 · %5 retries</source>
        <translation>%1/%2 个样本 · %3 个样本/秒 · 预计剩余 %4 · 重试 %5 次</translation>
    </message>
    <message>
        <source>First %1 of %2 series</source>
        <translation>前 %1 个序列（共 %2 个）</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n 个序列</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2…</source>
        <translation>%2…：%1</translation>
    </message>
    <message>
        <source>Not started. %1</source>
        <translation>未开始。%1</translation>
    </message>
    <message>
        <source>batch %1: %2 — %3</source>
        <translation>批次 %1：%2 — %3</translation>
    </message>
    <message>
        <source>&amp;Abort now</source>
        <translation>立即中止(&amp;A)</translation>
    </message>
    <message>
        <source>Stopping after the requests on their way; Abort now does not wait for their answers.</source>
        <translation>将在发送中的请求完成后停止；“立即中止”不会等待它们的响应。</translation>
    </message>
    <message>
        <source>&amp;Resume from batch %1</source>
        <translation>从批次 %1 继续(&amp;R)</translation>
    </message>
    <message>
        <source>All %1 batches sent in %2.</source>
        <translation>全部 %1 个批次已发送，用时 %2。</translation>
    </message>
    <message>
        <source>All %1 batches sent: %2 now, in %3, and %4 before.</source>
        <translation>全部 %1 个批次已发送：本次 %2 个，用时 %3，之前已发送 %4 个。</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <source>A backfill is sending: %1 of %2 requests are delivered. Quitting stops it at once: the requests on their way are cancelled (the receiver may have applied them) and the rest is not sent. The history shows which batches were delivered.</source>
        <translation>正在发送回填：%2 个请求中已送达 %1 个。退出将立即停止回填：发送中的请求会被取消（接收端可能已经处理），其余部分不再发送。历史记录中可查看哪些批次已送达。</translation>
    </message>
    <message>
        <source>the console was closed</source>
        <translation>控制台已关闭</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::ComposeView</name>
    <message>
        <source>Te&amp;xt</source>
        <translation>文本(&amp;X)</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>表格(&amp;A)</translation>
    </message>
    <message>
        <source>Check &amp;for:</source>
        <translation>校验目标(&amp;F)：</translation>
    </message>
    <message>
        <source>Validation target</source>
        <translation>校验目标</translation>
    </message>
    <message>
        <source>Any receiver</source>
        <translation>任意接收端</translation>
    </message>
    <message>
        <source>Pushgateway</source>
        <translation>Pushgateway</translation>
    </message>
    <message>
        <source>Remote write</source>
        <translation>Remote Write</translation>
    </message>
    <message>
        <source>Tencent Cloud TMP</source>
        <translation>腾讯云 TMP</translation>
    </message>
    <message>
        <source>Apply safe &amp;fixes</source>
        <translation>应用安全修复(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>From the &amp;clipboard</source>
        <translation>从剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>From an &amp;exporter&apos;s URL…</source>
        <translation>从 exporter 的 URL(&amp;E)…</translation>
    </message>
    <message>
        <source>Files: File ▸ Open (Ctrl+O), or drop them here</source>
        <translation>文件：“文件 ▸ 打开”（Ctrl+O），或拖放到此处</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Read %1 as samples; Save writes them as a new .prom file.</source>
        <translation>已将 %1 读取为样本；保存时会写为新的 .prom 文件。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>已导入 %1。</translation>
    </message>
    <message>
        <source>Metrics text</source>
        <translation>指标文本</translation>
    </message>
    <message>
        <source>Type or paste metrics in text exposition or OpenMetrics format, pick a template, or drop a .prom, .txt or .csv file here…</source>
        <translation>输入或粘贴文本暴露格式或 OpenMetrics 格式的指标，选择模板，或将 .prom、.txt、.csv 文件拖放到此处…</translation>
    </message>
    <message>
        <source>Metrics table</source>
        <translation>指标表格</translation>
    </message>
    <message>
        <source>Add &amp;metric</source>
        <translation>添加指标(&amp;M)</translation>
    </message>
    <message>
        <source>Add &amp;series like this</source>
        <translation>添加同类序列(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;move row</source>
        <translation>删除行(&amp;M)</translation>
    </message>
    <message>
        <source>  (fix: %1)</source>
        <translation>  （修复：%1）</translation>
    </message>
    <message numerus="yes">
        <source>No problems · %n sample(s)</source>
        <translation>
            <numerusform>无问题 · %n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <source>Read-only while the text has errors: fix them in the Text tab first.</source>
        <translation>文本有错误时为只读：请先在“文本”标签页中修复。</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message numerus="yes">
        <source>%n fix(es) applied</source>
        <translation>
            <numerusform>已应用 %n 项修复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n error(s) need a change by hand</source>
        <translation>
            <numerusform>；%n 个错误需要手动修改</numerusform>
        </translation>
    </message>
    <message>
        <source>the template &quot;%1&quot;</source>
        <translation>模板“%1”</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot;: %2. The Push view&apos;s grouping key is set for it.</source>
        <translation>模板“%1”：%2。已为其设置“推送”视图中的分组键。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation>剪贴板中没有可导入的文本。</translation>
    </message>
    <message>
        <source>the clipboard&apos;s text</source>
        <translation>剪贴板中的文本</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n line(s) from the clipboard.</source>
        <translation>
            <numerusform>已从剪贴板导入 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import from an exporter</source>
        <translation>从 exporter 导入</translation>
    </message>
    <message>
        <source>The exporter&apos;s metrics URL (what Prometheus would scrape):</source>
        <translation>exporter 的指标 URL（即 Prometheus 要抓取的地址）：</translation>
    </message>
    <message>
        <source>The exporter&apos;s URL has a user or password in it; credentials never go in a URL. Nothing was read.</source>
        <translation>exporter 的 URL 中包含用户名或密码；凭据不应写在 URL 中。未读取任何内容。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Imported %1 (HTTP %2, %3 ms, %4 KB).</source>
        <translation>已导入 %1（HTTP %2，%3 ms，%4 KB）。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Replace the draft?</source>
        <translation>替换草稿？</translation>
    </message>
    <message>
        <source>The draft %1 has changes that are not saved. Replace it with %2? (Edit ▸ Undo brings it back.)</source>
        <translation>草稿 %1 有未保存的更改。要用%2替换它吗？（可通过“编辑 ▸ 撤销”恢复。）</translation>
    </message>
    <message>
        <source>Replace the draft</source>
        <translation>替换草稿</translation>
    </message>
    <message>
        <source>an empty draft</source>
        <translation>空草稿</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Text exposition (*.prom *.txt);;OpenMetrics (*.om);;All files (*)</source>
        <translation>文本暴露格式 (*.prom *.txt);;OpenMetrics (*.om);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>未保存：%1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Written as unknown or gauge: %1. OpenMetrics names a counter&apos;s samples NAME_total and an info&apos;s NAME_info; undo the edit (Ctrl+Z in the text) to keep the type.</source>
        <translation>已写为 unknown 或 gauge：%1。OpenMetrics 中 counter 的样本名为 NAME_total，info 的样本名为 NAME_info；如需保留类型，请撤销此次编辑（在文本中按 Ctrl+Z）。</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::ConsoleContext</name>
    <message>
        <source>Pushgateway URL</source>
        <translation>Pushgateway URL</translation>
    </message>
    <message>
        <source>remote write URL</source>
        <translation>remote write URL</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; has no %2; add one in the profile&apos;s settings.</source>
        <translation>配置档案“%1”没有 %2；请在该配置档案的设置中添加。</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>请先选择配置档案。</translation>
    </message>
    <message>
        <source>The secret of profile &apos;%1&apos; is not available: %2</source>
        <translation>配置档案“%1”的密钥不可用：%2</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::GroupsView</name>
    <message>
        <source>Filter groups</source>
        <translation>筛选分组</translation>
    </message>
    <message>
        <source>Filter by job or label…</source>
        <translation>按 job 或标签筛选…</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Not pushed for &amp;longer than:</source>
        <translation>超过此时长未推送(&amp;L)：</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation>删除所选(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Wipe gateway…</source>
        <translation>清空网关(&amp;W)…</translation>
    </message>
    <message>
        <source>Grouping key matches, e.g. job=~&quot;batch.*&quot;, instance=&quot;a&quot; (empty: any)</source>
        <translation>分组键匹配条件，例如 job=~&quot;batch.*&quot;, instance=&quot;a&quot;（留空：匹配全部）</translation>
    </message>
    <message>
        <source>&amp;Match:</source>
        <translation>匹配(&amp;M)：</translation>
    </message>
    <message>
        <source>Delete &amp;matching…</source>
        <translation>删除匹配项(&amp;M)…</translation>
    </message>
    <message>
        <source>Deletes every group that matches and is not pushed for longer than the age above. The exact list is shown first.</source>
        <translation>删除所有匹配且未推送时长超过上述时长的分组。会先列出确切的分组清单。</translation>
    </message>
    <message>
        <source>Pushgateway groups</source>
        <translation>Pushgateway 分组</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Last push (UTC)</source>
        <translation>上次推送（UTC）</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>指标族</translation>
    </message>
    <message>
        <source>Group details</source>
        <translation>分组详情</translation>
    </message>
    <message>
        <source>The Pushgateway</source>
        <translation>Pushgateway</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个分组</numerusform>
        </translation>
    </message>
    <message>
        <source>job=&quot;%1&quot;</source>
        <translation>job=&quot;%1&quot;</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>⚠ last push failed</source>
        <translation>⚠ 上次推送失败</translation>
    </message>
    <message>
        <source>Match: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <source>Choose an age (&quot;Not pushed for longer than&quot;), a match, or both: deleting every group is what Wipe is for.</source>
        <translation>请选择时长（“超过此时长未推送”）、匹配条件或两者：删除全部分组请使用“清空网关”。</translation>
    </message>
    <message>
        <source>%1  last pushed %2 ago</source>
        <translation>%1  上次推送于 %2前</translation>
    </message>
    <message>
        <source>%1  never pushed</source>
        <translation>%1  从未推送</translation>
    </message>
    <message>
        <source>No group matches; nothing to delete.</source>
        <translation>没有匹配的分组；无需删除。</translation>
    </message>
    <message>
        <source>Delete groups</source>
        <translation>删除分组</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n group(s) from the Pushgateway? Their metrics disappear at once.

</source>
        <translation>
            <numerusform>从 Pushgateway 删除 %n 个分组？其指标将立即消失。

</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n group(s)</source>
        <translation>
            <numerusform>删除 %n 个分组</numerusform>
        </translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Wipe the Pushgateway</source>
        <translation>清空 Pushgateway</translation>
    </message>
    <message>
        <source>This deletes every group of every job on %1. Type %2 to confirm.</source>
        <translation>这将删除 %1 上所有 job 的所有分组。输入 %2 以确认。</translation>
    </message>
    <message>
        <source>Wiped.</source>
        <translation>已清空。</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::HistoryModel</name>
    <message>
        <source>outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置档案</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::HistoryView</name>
    <message>
        <source>&amp;Failed only</source>
        <translation>仅显示失败(&amp;F)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>复制为 curl 命令(&amp;C)</translation>
    </message>
    <message>
        <source>Save as curl scr&amp;ipt…</source>
        <translation>保存为 curl 脚本(&amp;I)…</translation>
    </message>
    <message>
        <source>Writes a shell script that repeats the request with curl, with its body (remote write, protobuf, gzip) in a file beside it. The secret is read from $PROMDESK_SECRET.</source>
        <translation>生成一个用 curl 重放该请求的 shell 脚本，请求体（remote write、protobuf、gzip）保存在脚本旁的文件中。密钥从 $PROMDESK_SECRET 读取。</translation>
    </message>
    <message>
        <source>Profile to re-send to</source>
        <translation>重新发送的目标配置档案</translation>
    </message>
    <message>
        <source>Send to the request&apos;s own profile, or to another one (same path on its address)</source>
        <translation>发送到该请求原来的配置档案，或其他配置档案（使用其地址上的相同路径）</translation>
    </message>
    <message>
        <source>Re-&amp;send</source>
        <translation>重新发送(&amp;S)</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <source>Search the whole history: profile, URL, grouping key, status, error…</source>
        <translation>搜索全部历史记录：配置档案、URL、分组键、状态、错误…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>请求历史记录</translation>
    </message>
    <message>
        <source>Request and answer</source>
        <translation>请求与响应</translation>
    </message>
    <message>
        <source>Save the curl script in</source>
        <translation>curl 脚本保存位置</translation>
    </message>
    <message>
        <source>
%1 bytes, %2
</source>
        <translation>
%1 字节，%2
</translation>
    </message>
    <message>
        <source>
Answer: HTTP %1 (%2) in %3 ms
</source>
        <translation>
响应：HTTP %1（%2），耗时 %3 ms
</translation>
    </message>
    <message>
        <source>
Answer: outcome unknown
</source>
        <translation>
响应：结果未知
</translation>
    </message>
    <message>
        <source>#%1 is a %2&apos;s own entry, not a request: copy one of the requests under it.</source>
        <translation>#%1 是 %2 自身的条目，不是请求：请复制其下的某个请求。</translation>
    </message>
    <message>
        <source>Copied the curl command of #%1. It reads the secret from $PROMDESK_SECRET.</source>
        <translation>已复制 #%1 的 curl 命令。该命令从 $PROMDESK_SECRET 读取密钥。</translation>
    </message>
    <message>
        <source>✘ The body of #%1 could not be written to %2: %3</source>
        <translation>✘ 无法将 #%1 的请求体写入 %2：%3</translation>
    </message>
    <message>
        <source>Copied the curl command of #%1; its %2-byte binary body is in %3.</source>
        <translation>已复制 #%1 的 curl 命令；其 %2 字节的二进制请求体位于 %3。</translation>
    </message>
    <message>
        <source>#%1 is a %2&apos;s own entry, not a request: save one of the requests under it.</source>
        <translation>#%1 是 %2 自身的条目，不是请求：请保存其下的某个请求。</translation>
    </message>
    <message>
        <source>✘ Not saved: %1: %2</source>
        <translation>✘ 未保存：%1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Saved %1 and its body %2.</source>
        <translation>已保存 %1 及其请求体 %2。</translation>
    </message>
    <message>
        <source>its own profile</source>
        <translation>原配置档案</translation>
    </message>
    <message>
        <source>#%1 is a %2&apos;s own entry, not a request: open it and re-send one of the requests under it.</source>
        <translation>#%1 是 %2 自身的条目，不是请求：请展开它并重新发送其下的某个请求。</translation>
    </message>
    <message>
        <source>✘ Cannot re-send: %1.</source>
        <translation>✘ 无法重新发送：%1。</translation>
    </message>
    <message>
        <source>Re-send request #%1?</source>
        <translation>重新发送请求 #%1？</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2
goes again to %3%4, exactly as it was sent (%n byte(s) of body). Its answer is kept in the history as a request of its own.</source>
        <translation>
            <numerusform>%1 %2
将原样再次发送到 %3%4，请求体 %n 字节。其响应会作为一条独立的请求保存在历史记录中。</numerusform>
        </translation>
    </message>
    <message>
        <source> (profile %1)</source>
        <translation> （配置档案“%1”）</translation>
    </message>
    <message>
        <source>Re-send</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Not re-sent.</source>
        <translation>未重新发送。</translation>
    </message>
    <message>
        <source>Re-sending #%1…</source>
        <translation>正在重新发送 #%1…</translation>
    </message>
    <message>
        <source>✔ Re-sent #%1: %2 → HTTP %3 in %4 ms</source>
        <translation>✔ 已重新发送 #%1：%2 → HTTP %3，耗时 %4 ms</translation>
    </message>
    <message>
        <source>The Pushgateway</source>
        <translation>Pushgateway</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>✘ Re-sent #%1: %2 → %3 %4</source>
        <translation>✘ 已重新发送 #%1：%2 → %3 %4</translation>
    </message>
    <message>
        <source>✘ The secret of profile &apos;%1&apos; is not available: %2</source>
        <translation>✘ 配置档案“%1”的密钥不可用：%2</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::JobsView</name>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>%1 秒后</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>p50 %1, %2/%3 arrived</source>
        <translation>p50 %1，%2/%3 已到达</translation>
    </message>
    <message>
        <source>No live job yet. Start one from the Push view with &quot;Repeat every&quot;, or from the Overwrite lab.</source>
        <translation>尚无持续推送任务。可在“推送”视图中通过“重复间隔”启动，或在“覆盖实验室”中启动。</translation>
    </message>
    <message>
        <source>Live jobs</source>
        <translation>持续推送任务</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>最近响应</translation>
    </message>
    <message>
        <source>Next tick</source>
        <translation>下一轮</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop &amp;all</source>
        <translation>全部停止(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Clear finished</source>
        <translation>清除已结束(&amp;C)</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>配置档案 %1：%2</translation>
    </message>
    <message>
        <source>%1 still waiting for the previous answer, %2 backing off after failures</source>
        <translation>%1 次因等待上一个响应而跳过，%2 次因失败后退避而跳过</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n 个任务正在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n in the list</source>
        <translation>
            <numerusform>，列表中共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt; %2 · profile %3</source>
        <translation>&lt;b&gt;#%1&lt;/b&gt; %2 · 配置档案 %3</translation>
    </message>
    <message>
        <source>%1 · %2 sent, %3 ok, %4 failed, %5 skipped (%6 waiting for an answer, %7 backing off)</source>
        <translation>%1 · 已发送 %2，成功 %3，失败 %4，跳过 %5（等待响应 %6，退避 %7）</translation>
    </message>
    <message>
        <source>Last answer: %1</source>
        <translation>最近响应：%1</translation>
    </message>
    <message>
        <source>Arrival: last %1; p50 %2, p99 %3 over %4 checked</source>
        <translation>到达：最近一次 %1；共检查 %4 次，p50 %2，p99 %3</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::LiveJobs</name>
    <message>
        <source>%1 → Pushgateway</source>
        <translation>%1 → Pushgateway</translation>
    </message>
    <message>
        <source>%1 → remote write</source>
        <translation>%1 → remote write</translation>
    </message>
    <message>
        <source> every %1</source>
        <translation> 每 %1 一次</translation>
    </message>
    <message numerus="yes">
        <source>, %n tick(s)</source>
        <translation>
            <numerusform>，共 %n 轮</numerusform>
        </translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> 持续 %1</translation>
    </message>
    <message>
        <source>, machines %1</source>
        <translation>，机器 %1</translation>
    </message>
    <message>
        <source> (no instance: they overwrite one group)</source>
        <translation> （无 instance：它们会覆盖同一个分组）</translation>
    </message>
    <message>
        <source>the console quit while the job ran</source>
        <translation>任务运行期间控制台已退出</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; has no Pushgateway URL.</source>
        <translation>配置档案“%1”没有 Pushgateway URL。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; has no remote write URL.</source>
        <translation>配置档案“%1”没有 remote write URL。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; has no query URL to check arrival with; add one in its settings.</source>
        <translation>配置档案“%1”没有用于到达检查的查询 URL；请在其设置中添加。</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::MainWindow</name>
    <message>
        <source>&amp;Compose</source>
        <translation>编写(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>推送(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>分组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Overwrite lab</source>
        <translation>覆盖实验室(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Backfill</source>
        <translation>回填(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>任务(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>connection not tested (Ctrl+T tests it)</source>
        <translation>连接未测试（按 Ctrl+T 测试）</translation>
    </message>
    <message>
        <source>History: %1. Requests are still sent.</source>
        <translation>历史记录：%1。请求仍会照常发送。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Metrics (*.prom *.txt *.om *.csv);;All files (*)</source>
        <translation>指标文件 (*.prom *.txt *.om *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>新建草稿(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a draft</source>
        <translation>打开草稿</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>配置档案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next profile</source>
        <translation>下一个配置档案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>新建配置档案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>编辑配置档案(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About PromDesk</source>
        <translation>关于 PromDesk(&amp;A)</translation>
    </message>
    <message>
        <source>About PromDesk</source>
        <translation>关于 PromDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PromDesk %1&lt;/h3&gt;&lt;p&gt;A desktop console for pushing metrics to Prometheus-compatible backends: Tencent Cloud TMP, any Pushgateway or remote-write receiver.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3) · protobuf %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PromDesk %1&lt;/h3&gt;&lt;p&gt;用于向 Prometheus 兼容后端推送指标的桌面控制台，支持腾讯云 TMP 以及任意 Pushgateway 或 remote write 接收端。&lt;/p&gt;&lt;p&gt;Qt %2（构建时使用 %3）· protobuf %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1[*] — PromDesk</source>
        <translation>%1[*] — PromDesk</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Quit while a backfill runs?</source>
        <translation>回填正在进行，确定退出？</translation>
    </message>
    <message>
        <source>Stop it and quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <source>Quit while live jobs run?</source>
        <translation>持续推送任务正在运行，确定退出？</translation>
    </message>
    <message numerus="yes">
        <source>%n live job(s) still push. They stop: no new tick is sent, and the requests on the wire get their answers (up to the profile&apos;s timeout) before the window closes.</source>
        <translation>
            <numerusform>仍有 %n 个持续推送任务在推送。退出时将停止这些任务：不再发送新一轮推送，已发出的请求会先等到响应（最长为配置档案的超时时间），然后窗口才关闭。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop them and quit</source>
        <translation>全部停止并退出</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n live job(s): waiting for the answers on the wire…</source>
        <translation>
            <numerusform>正在停止 %n 个持续推送任务：等待已发出请求的响应…</numerusform>
        </translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>无配置档案</translation>
    </message>
    <message>
        <source>%1 · Pushgateway %2 · remote write %3</source>
        <translation>%1 · Pushgateway %2 · remote write %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::MetricTableModel</name>
    <message numerus="yes">
        <source>summary: %n quantile(s), count %1, sum %2</source>
        <translation>
            <numerusform>summary：%n 个分位数，count %1，sum %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>histogram: %n bucket(s), count %1, sum %2</source>
        <translation>
            <numerusform>histogram：%n 个桶，count %1，sum %2</numerusform>
        </translation>
    </message>
    <message>
        <source>A value generated at each tick of a live push: now, inc:STEP, random:MIN:MAX, walk:MIN:MAX:STEP or sine:MIN:MAX:PERIOD. Empty: the value above, every time.</source>
        <translation>持续推送时每一轮生成的值：now、inc:STEP、random:MIN:MAX、walk:MIN:MAX:STEP 或 sine:MIN:MAX:PERIOD。留空：每次都使用上面的值。</translation>
    </message>
    <message>
        <source>Fix the errors in the text to edit here</source>
        <translation>请先修复文本中的错误，再在此处编辑</translation>
    </message>
    <message>
        <source>Edit histograms and summaries in the text</source>
        <translation>histogram 和 summary 请在文本中编辑</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Timestamp (ms)</source>
        <translation>时间戳（毫秒）</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a metric name: use letters, digits, &apos;_&apos; and &apos;:&apos;, not starting with a digit</source>
        <translation>&apos;%1&apos; 不是有效的指标名：只能使用字母、数字、&apos;_&apos; 和 &apos;:&apos;，且不能以数字开头</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists already; add a row to it instead</source>
        <translation>&apos;%1&apos; 已存在；请改为在其中添加一行</translation>
    </message>
    <message>
        <source>Choose counter, gauge or untyped here; write histograms and summaries in the text</source>
        <translation>此处可选 counter、gauge 或 untyped；histogram 和 summary 请在文本中编写</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; use a number such as 1.5, 2e-3, NaN, +Inf or -Inf</source>
        <translation>&apos;%1&apos; 不是数字；请使用 1.5、2e-3、NaN、+Inf 或 -Inf 这样的数字</translation>
    </message>
    <message>
        <source>The timestamp is milliseconds since 1970 as a whole number, or empty for none</source>
        <translation>时间戳为自 1970 年起的毫秒数（整数），留空表示不带时间戳</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::OverwriteLabView</name>
    <message>
        <source>A Pushgateway keeps what it is sent in &lt;b&gt;groups&lt;/b&gt;, one per &lt;b&gt;grouping key&lt;/b&gt;: the job and the labels in the push&apos;s URL (&lt;code&gt;/metrics/job/backup/instance/db-1&lt;/code&gt;). A push replaces (PUT) or merges into (POST) its own group only. Labels in the body are not part of the key. So when two machines push the same job with the same key, the second one overwrites the first. TMP&apos;s guide to writing data says it plainly: put an instance identifier (IP or host name) in the grouping key, because without one, the data reported by several machines overwrites each other.</source>
        <translation>Pushgateway 按&lt;b&gt;分组&lt;/b&gt;保存收到的数据，每个&lt;b&gt;分组键&lt;/b&gt;对应一个分组；分组键由 job 和推送 URL 中的标签组成（&lt;code&gt;/metrics/job/backup/instance/db-1&lt;/code&gt;）。一次推送只会替换（PUT）或合并到（POST）它自己的分组。请求体中的标签不属于分组键。因此，两台机器以相同的分组键推送同一个 job 时，后推送的会覆盖先推送的。TMP 的数据写入指南对此说得很明确：要在分组键中加入实例标识（IP 或主机名），否则多台机器上报的数据会相互覆盖。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Run the steps against the profile&apos;s Pushgateway. Only job &quot;%1&quot; is touched; the first step deletes what an earlier run left of it, and Reset does so again.</source>
        <translation>在配置档案的 Pushgateway 上执行这些步骤。只会改动 job &quot;%1&quot;；第一步会删除之前运行遗留的该 job 数据，“重置”也会再删除一次。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Steps&lt;/b&gt;</source>
        <translation>&lt;b&gt;步骤&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What each step sent</source>
        <translation>每一步发送的内容</translation>
    </message>
    <message>
        <source>What the gateway holds</source>
        <translation>网关中保存的内容</translation>
    </message>
    <message>
        <source>Group / series</source>
        <translation>分组 / 序列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>&lt;b&gt;The machine sends&lt;/b&gt; (and what the preview says it will change)</source>
        <translation>&lt;b&gt;机器发送的内容&lt;/b&gt;（以及预览显示将发生的变化）</translation>
    </message>
    <message>
        <source>&lt;b&gt;The gateway then holds&lt;/b&gt; for job %1 (what changed is marked)</source>
        <translation>&lt;b&gt;随后网关中 job %1 的内容&lt;/b&gt;（已标出变化之处）</translation>
    </message>
    <message>
        <source>&amp;Run step</source>
        <translation>执行此步(&amp;R)</translation>
    </message>
    <message>
        <source>Run &amp;all</source>
        <translation>全部执行(&amp;A)</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>重置(&amp;E)</translation>
    </message>
    <message>
        <source>E&amp;xport walkthrough…</source>
        <translation>导出演练记录(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the walkthrough</source>
        <translation>导出演练记录</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;所有文件 (*)</translation>
    </message>
    <message>
        <source>each with its &amp;instance</source>
        <translation>各带自己的 instance(&amp;I)</translation>
    </message>
    <message>
        <source>Off: both push job %1 without an instance, so each push replaces the other&apos;s group, live. On: each machine keeps its own group.</source>
        <translation>关闭：两台机器都推送不带 instance 的 job %1，因此每次推送都会实时替换对方的分组。开启：每台机器各自保留自己的分组。</translation>
    </message>
    <message>
        <source>Live interval in seconds</source>
        <translation>持续运行间隔（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Run &amp;live</source>
        <translation>持续运行(&amp;L)</translation>
    </message>
    <message>
        <source>Sto&amp;p live</source>
        <translation>停止持续运行(&amp;P)</translation>
    </message>
    <message>
        <source>Machines host-a and host-b push every</source>
        <translation>机器 host-a 和 host-b 的推送间隔</translation>
    </message>
    <message>
        <source>Another profile: the lab starts again at step 1 on its gateway.</source>
        <translation>已切换配置档案：实验将在其网关上从第 1 步重新开始。</translation>
    </message>
    <message>
        <source>(no groups)</source>
        <translation>（无分组）</translation>
    </message>
    <message>
        <source>changed (was %1)</source>
        <translation>已更改（原为 %1）</translation>
    </message>
    <message>
        <source>Step %1 — why: %2</source>
        <translation>第 %1 步 — 原因：%2</translation>
    </message>
    <message>
        <source>Not run yet: %1 will push %2 to %3.</source>
        <translation>尚未执行：%1 将以 %2 方式推送到 %3。</translation>
    </message>
    <message>
        <source>Step %1 is next: Run step sends it.</source>
        <translation>下一步是第 %1 步：点击“执行此步”发送。</translation>
    </message>
    <message>
        <source>Step %1 runs after step %2.</source>
        <translation>第 %1 步在第 %2 步之后执行。</translation>
    </message>
    <message>
        <source>All %1 steps have run; select one to read it again. Reset deletes the lab&apos;s groups and starts again from step 1.</source>
        <translation>全部 %1 个步骤均已执行；选择任一步骤可再次查看。“重置”会删除实验的分组并从第 1 步重新开始。</translation>
    </message>
    <message>
        <source>The Pushgateway</source>
        <translation>Pushgateway</translation>
    </message>
    <message>
        <source>Start the lab clean?</source>
        <translation>以干净状态开始实验？</translation>
    </message>
    <message numerus="yes">
        <source>The gateway holds %n group(s) of job %1, left by an earlier run of the lab (or another console&apos;s). The lab needs the job to itself: delete them?

</source>
        <translation>
            <numerusform>网关中有 job %1 的 %n 个分组，是之前运行实验（或其他控制台运行实验）时遗留的。实验需要独占该 job：是否删除这些分组？

</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete and start</source>
        <translation>删除并开始</translation>
    </message>
    <message>
        <source>Nothing was run: the lab needs job %1 to itself. Reset deletes its groups.</source>
        <translation>未执行任何步骤：实验需要独占 job %1。“重置”会删除其分组。</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of job %1 could not be deleted; the lab does not start from a clean gateway.</source>
        <translation>
            <numerusform>job %1 的 %n 个分组无法删除；实验将无法从干净的网关开始。</numerusform>
        </translation>
    </message>
    <message>
        <source>The gateway holds nothing of job %1: the lab starts clean.</source>
        <translation>网关中没有 job %1 的数据：实验以干净状态开始。</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n group(s) of job %1 left from an earlier run: the lab starts clean.</source>
        <translation>
            <numerusform>已删除之前运行遗留的 job %1 的 %n 个分组：实验以干净状态开始。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: %1: %2</source>
        <translation>未导出：%1：%2</translation>
    </message>
    <message>
        <source>Exported %1 (no step has run yet).</source>
        <translation>已导出 %1（尚未执行任何步骤）。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n step(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个步骤导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a profile with a Pushgateway first.</source>
        <translation>请先选择一个带 Pushgateway 的配置档案。</translation>
    </message>
    <message>
        <source>The live run did not start: %1</source>
        <translation>持续运行未能启动：%1</translation>
    </message>
    <message>
        <source>Live: host-a and host-b push job %1 without an instance every %2. Open Groups: one group, whose values flip between the machines at each push.</source>
        <translation>持续运行中：host-a 和 host-b 每隔 %2 推送一次不带 instance 的 job %1。打开“分组”查看：只有一个分组，其值在每次推送时在两台机器之间来回切换。</translation>
    </message>
    <message>
        <source>Live: host-a and host-b push job %1 with their instance every %2. Open Groups: two groups, each keeping its machine&apos;s values.</source>
        <translation>持续运行中：host-a 和 host-b 每隔 %2 推送一次带各自 instance 的 job %1。打开“分组”查看：有两个分组，各自保留对应机器的值。</translation>
    </message>
    <message>
        <source>%1 sends %2 %3

%4
%5</source>
        <translation>%1 发送 %2 %3

%4
%5</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::ProfileDialog</name>
    <message>
        <source>Edit profile %1</source>
        <translation>编辑配置档案 %1</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建配置档案</translation>
    </message>
    <message>
        <source>Tencent Cloud TMP</source>
        <translation>腾讯云 TMP</translation>
    </message>
    <message>
        <source>Pushgateway</source>
        <translation>Pushgateway</translation>
    </message>
    <message>
        <source>Remote write receiver</source>
        <translation>Remote Write 接收端</translation>
    </message>
    <message>
        <source>Pushgateway and remote write</source>
        <translation>Pushgateway 和 remote write</translation>
    </message>
    <message>
        <source>TMP instance address</source>
        <translation>TMP 实例地址</translation>
    </message>
    <message>
        <source>instance address, e.g. http://10.0.0.8:9090</source>
        <translation>实例地址，例如 http://10.0.0.8:9090</translation>
    </message>
    <message>
        <source>TMP APPID</source>
        <translation>TMP APPID</translation>
    </message>
    <message>
        <source>APPID</source>
        <translation>APPID</translation>
    </message>
    <message>
        <source>Fill &amp;TMP paths</source>
        <translation>填入 TMP 路径(&amp;T)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>User and password (for TMP: APPID and token)</source>
        <translation>用户名和密码（TMP：APPID 和 token）</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>unchanged (leave empty to keep the stored secret)</source>
        <translation>未更改（留空则保留已存储的密钥）</translation>
    </message>
    <message>
        <source>password or token</source>
        <translation>密码或 token</translation>
    </message>
    <message>
        <source>in the OS &amp;keychain</source>
        <translation>存入系统密钥环(&amp;K)</translation>
    </message>
    <message>
        <source>for this &amp;session only (forgotten on quit)</source>
        <translation>仅限本次会话（退出时清除）(&amp;S)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>校验服务器证书</translation>
    </message>
    <message>
        <source>CA certificates file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>客户端证书文件</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>客户端私钥文件</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>系统代理</translation>
    </message>
    <message>
        <source>This one:</source>
        <translation>指定代理：</translation>
    </message>
    <message>
        <source>Proxy URL</source>
        <translation>代理 URL</translation>
    </message>
    <message>
        <source>instance=web-1, db=orders  (an empty value means this host&apos;s name)</source>
        <translation>instance=web-1, db=orders  （值留空表示使用本机主机名）</translation>
    </message>
    <message>
        <source>One per line, Name: value. A header that carries a credential (X-Api-Key, X-Tenant-Pass…) has its value kept in the keychain.</source>
        <translation>每行一个，格式为 Name: value。携带凭据的请求头（X-Api-Key、X-Tenant-Pass…）的值保存在密钥环中。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>TMP instance:</source>
        <translation>TMP 实例：</translation>
    </message>
    <message>
        <source>&amp;Pushgateway URL:</source>
        <translation>Pushgateway URL(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remote write URL:</source>
        <translation>Remote Write URL(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Query URL:</source>
        <translation>查询 URL(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>认证方式(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;User / APPID:</source>
        <translation>用户名 / APPID(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word / token:</source>
        <translation>密码 / token(&amp;W)：</translation>
    </message>
    <message>
        <source>Keep the secret:</source>
        <translation>密钥保存位置：</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>客户端私钥：</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Grouping labels:</source>
        <translation>分组标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Extra &amp;headers:</source>
        <translation>额外请求头(&amp;H)：</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>测试连接(&amp;C)</translation>
    </message>
    <message>
        <source>Extra headers: &quot;%1&quot; is not &quot;Name: value&quot; with a header name.</source>
        <translation>额外请求头：&quot;%1&quot; 不是以请求头名称开头的 &quot;Name: value&quot; 格式。</translation>
    </message>
    <message>
        <source>Extra headers: set Authorization through Authentication above, where its secret goes to the keychain.</source>
        <translation>额外请求头：请通过上方的“认证方式”设置 Authorization，其密钥会存入密钥环。</translation>
    </message>
    <message>
        <source>Grouping labels: the job is chosen where you push, not here.</source>
        <translation>分组标签：job 在推送时指定，不在此处设置。</translation>
    </message>
    <message>
        <source>Grouping labels: &quot;%1&quot; is not name=value with a label name.</source>
        <translation>分组标签：&quot;%1&quot; 不是以标签名开头的 name=value 格式。</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>The changes to profile &apos;%1&apos; are not saved.</source>
        <translation>对配置档案“%1”的更改尚未保存。</translation>
    </message>
    <message>
        <source>The new profile is not saved.</source>
        <translation>新配置档案尚未保存。</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The TMP instance address</source>
        <translation>TMP 实例地址</translation>
    </message>
    <message>
        <source>Enter the TMP instance&apos;s address (from the TMP console&apos;s &quot;Basic info&quot; page) first.</source>
        <translation>请先输入 TMP 实例地址（见 TMP 控制台的“基本信息”页面）。</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请为配置档案命名。</translation>
    </message>
    <message>
        <source>A profile named &apos;%1&apos; exists already; choose another name.</source>
        <translation>已存在名为“%1”的配置档案，请换一个名称。</translation>
    </message>
    <message>
        <source>Enter a Pushgateway URL, a remote write URL, or both.</source>
        <translation>请输入 Pushgateway URL、remote write URL，或两者都输入。</translation>
    </message>
    <message>
        <source>The Pushgateway URL</source>
        <translation>Pushgateway URL</translation>
    </message>
    <message>
        <source>The remote write URL</source>
        <translation>remote write URL</translation>
    </message>
    <message>
        <source>The query URL</source>
        <translation>查询 URL</translation>
    </message>
    <message>
        <source>Enter the user name (for TMP: the APPID).</source>
        <translation>请输入用户名（TMP：填写 APPID）。</translation>
    </message>
    <message>
        <source>Enter the password or token; it is kept in the keychain, never in the profile file.</source>
        <translation>请输入密码或 token；它保存在密钥环中，绝不会写入配置档案文件。</translation>
    </message>
    <message>
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation>客户端证书需要配套的私钥，私钥也需要配套的证书。</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s address, or choose the system&apos;s proxy or none.</source>
        <translation>请输入代理地址，或选择使用系统代理或不使用代理。</translation>
    </message>
    <message>
        <source>The proxy URL</source>
        <translation>代理 URL</translation>
    </message>
    <message>
        <source>Header %1 carries a credential, which goes to the keychain, and the keychain refused: %2. Nothing was saved.</source>
        <translation>请求头 %1 携带凭据，需要存入密钥环，但密钥环拒绝了：%2。未保存任何内容。</translation>
    </message>
    <message>
        <source>The profile was not saved: %1.</source>
        <translation>配置档案未保存：%1。</translation>
    </message>
    <message>
        <source>The profile was saved, but its secret could not be put in %1: %2

Fix the keychain and press Save again, or choose &quot;for this session only&quot; to use the profile until you quit.</source>
        <translation>配置档案已保存，但其密钥无法存入 %1：%2

请修复密钥环后再次点击“保存”，或选择“仅限本次会话”，在退出前使用该配置档案。</translation>
    </message>
    <message>
        <source>Enter a Pushgateway URL or a remote write URL to test.</source>
        <translation>请输入要测试的 Pushgateway URL 或 remote write URL。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>%1: connected (%2 ms)</source>
        <translation>%1：已连接（%2 ms）</translation>
    </message>
    <message>
        <source>✘ The stored secret could not be read: %1</source>
        <translation>✘ 无法读取已存储的密钥：%1</translation>
    </message>
    <message>
        <source>(kept in the keychain)</source>
        <translation>（保存在密钥环中）</translation>
    </message>
    <message>
        <source>A Prometheus query API (/api/v1/query answers there), to check that pushed data arrived. TMP: the instance address. The profile&apos;s credentials go with the queries only when this is the push&apos;s own server (same scheme, host and port).</source>
        <translation>Prometheus 查询 API（/api/v1/query 在此应答），用于检查推送的数据是否已到达。TMP：填写实例地址。仅当它与推送的服务器相同（协议、主机和端口均相同）时，查询才会附带配置档案的凭据。</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::ProfilesPanel</name>
    <message>
        <source>Profiles</source>
        <translation>配置档案</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Send harmless requests to the profile&apos;s endpoints (Ctrl+T)</source>
        <translation>向配置档案的端点发送无副作用的请求（Ctrl+T）</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Welcome to PromDesk.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Make a profile for what you want to push to:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;欢迎使用 PromDesk。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;请为推送目标创建一个配置档案：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New &amp;TMP profile…</source>
        <translation>新建 TMP 配置档案(&amp;T)…</translation>
    </message>
    <message>
        <source>A Tencent Cloud Managed Service for Prometheus instance: its address, APPID and token.</source>
        <translation>腾讯云可观测平台 Prometheus 监控服务实例：需要实例地址、APPID 和 token。</translation>
    </message>
    <message>
        <source>New &amp;Pushgateway profile…</source>
        <translation>新建 Pushgateway 配置档案(&amp;P)…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Or try everything on this machine first: &lt;code&gt;scripts/run.sh&lt;/code&gt; starts a local Pushgateway and Prometheus and opens PromDesk with them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;也可以先在本机试用全部功能：&lt;code&gt;scripts/run.sh&lt;/code&gt; 会启动本地的 Pushgateway 和 Prometheus，并打开连接到它们的 PromDesk。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Profiles&lt;/b&gt;</source>
        <translation>&lt;b&gt;配置档案&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>本地沙箱</translation>
    </message>
    <message>
        <source>on this machine</source>
        <translation>位于本机</translation>
    </message>
    <message>
        <source>no secret needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <source>secret: checking…</source>
        <translation>密钥：正在检查…</translation>
    </message>
    <message>
        <source>No profiles yet — press New… to add one, or start the local sandbox (scripts/run.sh)</source>
        <translation>尚无配置档案 — 点击“新建…”添加，或启动本地沙箱（scripts/run.sh）</translation>
    </message>
    <message>
        <source>secret available</source>
        <translation>密钥可用</translation>
    </message>
    <message>
        <source>secret missing — Edit to enter it</source>
        <translation>缺少密钥 — 点击“编辑”输入</translation>
    </message>
    <message>
        <source>keychain locked — unlock it, then send again</source>
        <translation>密钥环已锁定 — 请解锁后重新发送</translation>
    </message>
    <message>
        <source>no keychain service — see the tooltip</source>
        <translation>没有密钥环服务 — 请查看提示信息</translation>
    </message>
    <message>
        <source>keychain access denied — allow PromDesk</source>
        <translation>密钥环拒绝访问 — 请允许 PromDesk 访问</translation>
    </message>
    <message>
        <source>keychain error — see the tooltip</source>
        <translation>密钥环错误 — 请查看提示信息</translation>
    </message>
    <message>
        <source>connection not tested (Ctrl+T tests it)</source>
        <translation>连接未测试（按 Ctrl+T 测试）</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除配置档案</translation>
    </message>
    <message>
        <source>Delete profile &apos;%1&apos;? Its secret is removed from the keychain too. The history keeps its requests.</source>
        <translation>删除配置档案“%1”？其密钥也会从密钥环中移除。历史记录中仍保留它的请求。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; deleted, but its secret stays in the keychain: %2</source>
        <translation>配置档案“%1”已删除，但其密钥仍留在密钥环中：%2</translation>
    </message>
    <message>
        <source>%1: testing the connection…</source>
        <translation>%1：正在测试连接…</translation>
    </message>
    <message>
        <source>%1: the secret is not available: %2</source>
        <translation>%1：密钥不可用：%2</translation>
    </message>
    <message>
        <source>%1: connected (%2 ms)</source>
        <translation>%1：已连接（%2 ms）</translation>
    </message>
</context>
<context>
    <name>promdesk::ui::PushView</name>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>&amp;Job:</source>
        <translation>Job(&amp;J)：</translation>
    </message>
    <message>
        <source>Grouping labels</source>
        <translation>分组标签</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Add label</source>
        <translation>添加标签(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove label</source>
        <translation>移除标签(&amp;R)</translation>
    </message>
    <message>
        <source>Grouping labels:</source>
        <translation>分组标签：</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL：</translation>
    </message>
    <message>
        <source>Re&amp;place group (PUT)</source>
        <translation>替换分组（PUT）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Merge into group (POST)</source>
        <translation>合并到分组（POST）(&amp;M)</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Send  (Ctrl+Enter)</source>
        <translation>发送(&amp;S)  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cance&amp;l  (Esc)</source>
        <translation>取消(&amp;L)  (Esc)</translation>
    </message>
    <message>
        <source>Stops waiting for the gateway. A push that had gone out whole may still be applied; the result says which.</source>
        <translation>停止等待网关。已完整发出的推送仍可能生效；结果中会说明实际情况。</translation>
    </message>
    <message>
        <source>Send &amp;anyway…</source>
        <translation>仍然发送(&amp;A)…</translation>
    </message>
    <message>
        <source>Sends the draft exactly as it is, errors included, to see the gateway&apos;s own verdict. It lists the errors and asks first.</source>
        <translation>按原样发送草稿（包括其中的错误），以查看网关自身的判定。发送前会列出错误并请求确认。</translation>
    </message>
    <message>
        <source>Preview and result</source>
        <translation>预览和结果</translation>
    </message>
    <message>
        <source>Preview shows what the push will add, replace and remove before anything is sent.</source>
        <translation>预览会在发送任何内容之前，显示此次推送将添加、替换和删除的内容。</translation>
    </message>
    <message>
        <source>Push&amp;gateway group</source>
        <translation>Pushgateway 分组(&amp;G)</translation>
    </message>
    <message>
        <source>Remote &amp;write (samples stamped at each send)</source>
        <translation>Remote Write（每次发送时为样本打上时间戳）(&amp;W)</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>发送到：</translation>
    </message>
    <message>
        <source>Repeat e&amp;very</source>
        <translation>重复间隔(&amp;V)</translation>
    </message>
    <message>
        <source>Interval in seconds</source>
        <translation>间隔（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Stop condition</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>直到手动停止</translation>
    </message>
    <message>
        <source>for this many ticks:</source>
        <translation>推送轮数：</translation>
    </message>
    <message>
        <source>for this many seconds:</source>
        <translation>持续秒数：</translation>
    </message>
    <message>
        <source>Ticks or seconds</source>
        <translation>轮数或秒数</translation>
    </message>
    <message>
        <source>Live:</source>
        <translation>持续推送：</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>one push per tick: host-1, host-2, host-3 (each its own instance)</source>
        <translation>每台机器每轮推送一次：host-1, host-2, host-3（各自作为独立的 instance）</translation>
    </message>
    <message>
        <source>leave instance out (they overwrite one group)</source>
        <translation>不带 instance（它们会相互覆盖同一个分组）</translation>
    </message>
    <message>
        <source>Mac&amp;hines:</source>
        <translation>机器(&amp;H)：</translation>
    </message>
    <message>
        <source>Check that each send arrives (through the profile&apos;s query URL)</source>
        <translation>检查每次发送的数据是否到达（通过配置档案的查询 URL）</translation>
    </message>
    <message>
        <source>Queries %1 until each send&apos;s value shows, and says how long it took.</source>
        <translation>持续查询 %1，直到每次发送的值出现，并报告所用时间。</translation>
    </message>
    <message>
        <source>The profile has no query URL: add one in its settings (TMP: the instance address).</source>
        <translation>该配置档案没有查询 URL：请在其设置中添加（TMP：填写实例地址）。</translation>
    </message>
    <message>
        <source>&amp;Start job  (Ctrl+Enter)</source>
        <translation>启动任务(&amp;S)  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Nothing was started: %1</source>
        <translation>未启动任何任务：%1</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>请先选择一个配置档案。</translation>
    </message>
    <message>
        <source>Reading the secret of %1…</source>
        <translation>正在读取 %1 的密钥…</translation>
    </message>
    <message>
        <source>The secret of profile &apos;%1&apos; is not available: %2</source>
        <translation>配置档案“%1”的密钥不可用：%2</translation>
    </message>
    <message>
        <source>Job #%1 started: %2.
Its ticks, answers and arrival are in the Jobs view; each request is in History.</source>
        <translation>任务 #%1 已启动：%2。
每轮推送、响应和到达情况见“任务”视图；每个请求均记录在“历史记录”中。</translation>
    </message>
    <message>
        <source>(no remote write URL in this profile)</source>
        <translation>（此配置档案没有 remote write URL）</translation>
    </message>
    <message>
        <source>(no Pushgateway in this profile)</source>
        <translation>（此配置档案没有 Pushgateway）</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent.</source>
        <translation>已取消，未发送任何内容。</translation>
    </message>
    <message>
        <source>The draft has errors; nothing was sent. Fix them in Compose (&quot;Apply safe fixes&quot; does what is safe), or use Send anyway to see the gateway&apos;s own verdict:

</source>
        <translation>草稿有错误，未发送任何内容。请在“编写”中修复（“应用安全修复”会完成可安全进行的修复），或使用“仍然发送”查看网关自身的判定：

</translation>
    </message>
    <message>
        <source>Reading the gateway&apos;s groups…</source>
        <translation>正在读取网关的分组…</translation>
    </message>
    <message>
        <source>The Pushgateway</source>
        <translation>Pushgateway</translation>
    </message>
    <message>
        <source>A replace (PUT) with it empties the group %1 on the gateway: every metric in it is gone.</source>
        <translation>以替换（PUT）方式推送空草稿会清空网关上的分组 %1：其中的所有指标都将消失。</translation>
    </message>
    <message>
        <source>A merge (POST) with it changes nothing in the group %1 but its push time.</source>
        <translation>以合并（POST）方式推送空草稿不会改变分组 %1 的任何内容，只会更新其推送时间。</translation>
    </message>
    <message>
        <source>Push an empty draft?</source>
        <translation>推送空草稿？</translation>
    </message>
    <message>
        <source>The draft has no samples.</source>
        <translation>草稿中没有样本。</translation>
    </message>
    <message>
        <source>To remove a group, use Delete in Groups.</source>
        <translation>如需删除分组，请使用“分组”中的“删除”。</translation>
    </message>
    <message>
        <source>Empty the group</source>
        <translation>清空分组</translation>
    </message>
    <message>
        <source>Push nothing</source>
        <translation>不推送</translation>
    </message>
    <message>
        <source>Nothing was started: the draft has no samples.</source>
        <translation>未启动任何任务：草稿中没有样本。</translation>
    </message>
    <message>
        <source>Nothing was sent: the draft has no samples.</source>
        <translation>未发送任何内容：草稿中没有样本。</translation>
    </message>
    <message>
        <source>Send a draft with errors?</source>
        <translation>发送有错误的草稿？</translation>
    </message>
    <message numerus="yes">
        <source>The draft has %n error(s). It goes to %1 exactly as it is; the gateway will most likely refuse it, and its answer is kept in History.

</source>
        <translation>
            <numerusform>草稿有 %n 个错误。它将按原样发送到 %1；网关很可能会拒绝，其响应会保存在“历史记录”中。

</numerusform>
        </translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <source>Sending…
%1</source>
        <translation>正在发送…
%1</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>

Server said:
</source>
        <translation>

服务器返回：
</translation>
    </message>
</context>
</TS>
