<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>BearerKeyRepository</name>
        <message>
            <source>There is no bearer key with this id.</source>
            <translation>没有此 ID 的持有者密钥。</translation>
        </message>
    </context>
    <context>
        <name>ConnectionProfile</name>
        <message>
            <source>The PostgreSQL connection string is not valid. Write it as "host=... port=... dbname=... user=..." or as a postgresql://user@host:port/dbname URI.</source>
            <translation>PostgreSQL 连接字符串无效。请写成 "host=... port=... dbname=... user=..." 或 postgresql://user@host:port/dbname URI 的形式。</translation>
        </message>
        <message>
            <source>The port in the PostgreSQL connection string is not a number from 1 to 65535.</source>
            <translation>PostgreSQL 连接字符串中的端口不是 1 到 65535 之间的数字。</translation>
        </message>
        <message>
            <source>Different ports per host are not supported; port %1 is used for every host.</source>
            <translation>不支持为每台主机指定不同端口；所有主机都使用端口 %1。</translation>
        </message>
        <message>
            <source>The connection string contains a password; it may be visible to other users of this machine. Store it in a profile instead (mcphub-adminctl profile add), which keeps it in the system keychain.</source>
            <translation>连接字符串中包含密码，本机的其他用户可能会看到它。请改为保存到连接配置中（mcphub-adminctl profile add），密码将保存在系统钥匙串里。</translation>
        </message>
        <message>
            <source>These connection settings are ignored: %1.</source>
            <translation>以下连接设置被忽略：%1。</translation>
        </message>
        <message>
            <source>profile "%1"</source>
            <translation>连接配置“%1”</translation>
        </message>
    </context>
    <context>
        <name>DbCommand</name>
        <message>
            <source>Schema version %1 (this console knows %2).</source>
            <translation>结构版本 %1（本控制台识别到 %2）。</translation>
        </message>
        <message>
            <source>DRIFT</source>
            <translation>漂移</translation>
        </message>
        <message>
            <source>applied</source>
            <translation>已应用</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待应用</translation>
        </message>
        <message>
            <source>Create a workspace database, show its schema migrations or apply them.
  init     create the database if needed and apply every schema migration
  status   list applied and pending migrations and any drift; changes nothing
           (exit 1 on drift)
  migrate  apply the pending migrations</source>
            <translation>创建工作区数据库，显示或应用其结构迁移。
  init     如有需要则创建数据库，并应用全部结构迁移
  status   列出已应用和待应用的迁移及任何漂移；不做任何更改
           （存在漂移时退出码为 1）
  migrate  应用待执行的迁移</translation>
        </message>
        <message>
            <source>init, status or migrate.</source>
            <translation>init、status 或 migrate。</translation>
        </message>
        <message>
            <source>say init, status or migrate. Run "%1 db --help".</source>
            <translation>请指定 init、status 或 migrate。运行 "%1 db --help" 查看帮助。</translation>
        </message>
        <message>
            <source>warning: </source>
            <translation>警告：</translation>
        </message>
        <message>
            <source>the profile is read-only, so no schema migration can be applied. Use "db status" to look, or a profile that may write.</source>
            <translation>该连接配置是只读的，因此无法应用任何结构迁移。请用 "db status" 查看，或使用允许写入的连接配置。</translation>
        </message>
        <message>
            <source>Created database %1.</source>
            <translation>已创建数据库 %1。</translation>
        </message>
        <message>
            <source>schema drift: an applied migration differs from the one this console carries. Open the database with the console version that created it, or restore it from a backup.</source>
            <translation>结构漂移：某个已应用的迁移与本控制台携带的不同。请使用创建该数据库的控制台版本打开它，或从备份恢复。</translation>
        </message>
        <message>
            <source>Applied schema migration %1 (%2) in %3 ms.</source>
            <translation>已应用结构迁移 %1（%2），耗时 %3 毫秒。</translation>
        </message>
        <message>
            <source>The schema is up to date (version %1).</source>
            <translation>结构已是最新（版本 %1）。</translation>
        </message>
        <message>
            <source>Create a workspace database and manage its schema.</source>
            <translation>创建工作区数据库并管理其结构。</translation>
        </message>
    </context>
    <context>
        <name>GroupRepository</name>
        <message>
            <source>There is no group with this id.</source>
            <translation>没有此 ID 的分组。</translation>
        </message>
    </context>
    <context>
        <name>HubAlertPolicy</name>
        <message>
            <source>Hub %1 is %2</source>
            <translation>Hub %1 状态为%2</translation>
        </message>
        <message>
            <source>Hub %1 is healthy again</source>
            <translation>Hub %1 已恢复健康</translation>
        </message>
        <message>
            <source>Hub %1: many failing tool calls</source>
            <translation>Hub %1：大量工具调用失败</translation>
        </message>
        <message>
            <source>%1 of %2 tool calls failed since the previous poll (%3 %), above the threshold of %4 %.</source>
            <translation>自上次轮询以来，%2 次工具调用中有 %1 次失败（%3 %），超过阈值 %4 %。</translation>
        </message>
    </context>
    <context>
        <name>HubRateBudget</name>
        <message>
            <source>%1 min</source>
            <translation>%1 分钟</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>Polling every %1 s needs about %2 rate-limited requests per %3, more than the console's share of the %4 this hub allows. Poll every %5 s or less often.</source>
            <translation>每 %1 秒轮询一次，每 %3 约需 %2 次受速率限制的请求，超过了该 Hub 允许的 %4 次中控制台可用的份额。请将轮询间隔设为 %5 秒或更长。</translation>
        </message>
    </context>
    <context>
        <name>HubRepository</name>
        <message>
            <source>A hub name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
            <translation>Hub 名称由 1 到 64 个字母、数字、点、短横线或下划线组成，并以字母或数字开头。</translation>
        </message>
        <message>
            <source>The base URL must be an http or https URL with a host, for example https://hub.example.org:3000/mcphub.</source>
            <translation>基础 URL 必须是带主机名的 http 或 https URL，例如 https://hub.example.org:3000/mcphub。</translation>
        </message>
        <message>
            <source>The poll interval must be at least one second.</source>
            <translation>轮询间隔至少为一秒。</translation>
        </message>
        <message>
            <source>The request timeout must be at least 100 ms.</source>
            <translation>请求超时至少为 100 毫秒。</translation>
        </message>
        <message>
            <source>Password authentication needs a user name.</source>
            <translation>密码认证需要用户名。</translation>
        </message>
        <message>
            <source>The hub's password or bearer key is not in the keychain. Enter it again: edit the hub in the console, or remove and add it again.</source>
            <translation>钥匙串中没有该 Hub 的密码或 Bearer 密钥。请重新输入：在控制台中编辑该 Hub，或将其删除后重新添加。</translation>
        </message>
        <message>
            <source>There is no hub of this name. "hubs list" shows the registered ones.</source>
            <translation>没有此名称的 Hub。"hubs list" 会列出已注册的 Hub。</translation>
        </message>
        <message>
            <source>A hub of this name is registered already. Remove it first or choose another name.</source>
            <translation>已注册同名 Hub。请先将其删除，或换一个名称。</translation>
        </message>
        <message>
            <source>The hub was removed meanwhile; add it again.</source>
            <translation>该 Hub 已在此期间被删除，请重新添加。</translation>
        </message>
    </context>
    <context>
        <name>HubResponseParser</name>
        <message>
            <source>The hub sent a response that is not valid JSON. Check that the URL points at MCPHub (including its base path).</source>
            <translation>Hub 返回的响应不是有效的 JSON。请检查 URL 是否指向 MCPHub（包括其基础路径）。</translation>
        </message>
        <message>
            <source>The hub sent JSON that is not an object. Check that the URL points at MCPHub.</source>
            <translation>Hub 返回的 JSON 不是对象。请检查 URL 是否指向 MCPHub。</translation>
        </message>
        <message>
            <source>The hub answered that the request failed: %1</source>
            <translation>Hub 答复请求失败：%1</translation>
        </message>
        <message>
            <source>The hub's answer has no "data" field. This MCPHub version may not be supported.</source>
            <translation>Hub 的答复中没有 "data" 字段。可能不支持此 MCPHub 版本。</translation>
        </message>
        <message>
            <source>The hub's /health answer has no "status". Check that the URL points at MCPHub.</source>
            <translation>Hub 的 /health 答复中没有 "status"。请检查 URL 是否指向 MCPHub。</translation>
        </message>
        <message>
            <source>The hub refused the login: %1. Check the user name and password of this hub.</source>
            <translation>Hub 拒绝了登录：%1。请检查此 Hub 的用户名和密码。</translation>
        </message>
        <message>
            <source>The hub's server list is not an array.</source>
            <translation>Hub 的服务器列表不是数组。</translation>
        </message>
        <message>
            <source>The hub's user statistics have no "totalUsers".</source>
            <translation>Hub 的用户统计中没有 "totalUsers"。</translation>
        </message>
        <message>
            <source>An activity row has no id or no valid timestamp.</source>
            <translation>某条活动记录没有 id 或没有有效的时间戳。</translation>
        </message>
        <message>
            <source>The hub's activity list is not an array.</source>
            <translation>Hub 的活动列表不是数组。</translation>
        </message>
    </context>
    <context>
        <name>HubSample</name>
        <message>
            <source>Healthy</source>
            <translation>健康</translation>
        </message>
        <message>
            <source>Degraded</source>
            <translation>降级</translation>
        </message>
        <message>
            <source>Unhealthy</source>
            <translation>不健康</translation>
        </message>
        <message>
            <source>Unreachable</source>
            <translation>无法访问</translation>
        </message>
        <message>
            <source>Authentication failed</source>
            <translation>认证失败</translation>
        </message>
    </context>
    <context>
        <name>HubSampleFormat</name>
        <message>
            <source>No hub has a sample yet. Add one with "hubs add".</source>
            <translation>还没有任何 Hub 的样本。请用 "hubs add" 添加 Hub。</translation>
        </message>
        <message>
            <source>version %1</source>
            <translation>版本 %1</translation>
        </message>
        <message>
            <source>servers: %1 of %2 connected</source>
            <translation>服务器：%2 个中已连接 %1 个</translation>
        </message>
        <message>
            <source>latency %1 ms</source>
            <translation>延迟 %1 毫秒</translation>
        </message>
        <message>
            <source>tool calls: %1 (%2 errors), average %3 ms</source>
            <translation>工具调用：%1 次（%2 次错误），平均 %3 毫秒</translation>
        </message>
        <message>
            <source>last error: %1</source>
            <translation>最近错误：%1</translation>
        </message>
    </context>
    <context>
        <name>HubSampleStore</name>
        <message>
            <source>Cannot store the hub sample.</source>
            <translation>无法保存 Hub 样本。</translation>
        </message>
        <message>
            <source>Cannot store the hub's server status; the sample was not saved.</source>
            <translation>无法保存 Hub 的服务器状态；该样本未保存。</translation>
        </message>
        <message>
            <source>Cannot store the activities of hub %1; none of this batch was saved and the next poll reads them again.</source>
            <translation>无法保存 Hub %1 的活动记录；本批次均未保存，下次轮询会重新读取。</translation>
        </message>
        <message>
            <source>Cannot store the sync cursor.</source>
            <translation>无法保存同步游标。</translation>
        </message>
        <message>
            <source>Cannot read the latest samples.</source>
            <translation>无法读取最新样本。</translation>
        </message>
        <message>
            <source>Cannot read the server status.</source>
            <translation>无法读取服务器状态。</translation>
        </message>
        <message>
            <source>Cannot count the calls.</source>
            <translation>无法统计调用次数。</translation>
        </message>
        <message>
            <source>Cannot read the retention.</source>
            <translation>无法读取保留期限设置。</translation>
        </message>
        <message>
            <source>Each retention must be positive and at least as long as the finer one before it (raw hours &lt;= minute days &lt;= hour days).</source>
            <translation>每个保留期限都必须为正数，且不短于其前一个更细粒度的期限（原始小时数 &lt;= 分钟聚合天数 &lt;= 小时聚合天数）。</translation>
        </message>
        <message>
            <source>Cannot save the retention.</source>
            <translation>无法保存保留期限设置。</translation>
        </message>
        <message>
            <source>Cannot read old samples.</source>
            <translation>无法读取旧样本。</translation>
        </message>
        <message>
            <source>Cannot store aggregated samples.</source>
            <translation>无法保存聚合样本。</translation>
        </message>
        <message>
            <source>Cannot delete old server rows.</source>
            <translation>无法删除旧的服务器状态行。</translation>
        </message>
        <message>
            <source>Cannot delete aggregated samples.</source>
            <translation>无法删除已聚合的样本。</translation>
        </message>
        <message>
            <source>Cannot delete expired samples.</source>
            <translation>无法删除过期样本。</translation>
        </message>
    </context>
    <context>
        <name>HubsCommand</name>
        <message>
            <source>warning: </source>
            <translation>警告：</translation>
        </message>
        <message>
            <source>say "hubs add NAME URL".</source>
            <translation>请使用 "hubs add 名称 URL"。</translation>
        </message>
        <message>
            <source>give --password-stdin or --bearer-stdin, not both.</source>
            <translation>请只指定 --password-stdin 或 --bearer-stdin 之一。</translation>
        </message>
        <message>
            <source>--user and --password-stdin go together.</source>
            <translation>--user 和 --password-stdin 需要同时使用。</translation>
        </message>
        <message>
            <source>--interval takes a number of seconds.</source>
            <translation>--interval 需要一个秒数。</translation>
        </message>
        <message>
            <source>--timeout takes a number of seconds.</source>
            <translation>--timeout 需要一个秒数。</translation>
        </message>
        <message>
            <source>standard input held no password or key; pipe it in, for example "printf %s \"$PASS\" | mcphub-adminctl hubs add ...".</source>
            <translation>标准输入中没有密码或密钥；请通过管道传入，例如 "printf %s \"$PASS\" | mcphub-adminctl hubs add ..."。</translation>
        </message>
        <message>
            <source>Added hub %1 (%2), polled every %3 s.</source>
            <translation>已添加 Hub %1（%2），每 %3 秒轮询一次。</translation>
        </message>
        <message>
            <source>No hubs registered. Add one with "hubs add NAME URL".</source>
            <translation>尚未注册任何 Hub。请用 "hubs add 名称 URL" 添加。</translation>
        </message>
        <message>
            <source>not polled yet</source>
            <translation>尚未轮询</translation>
        </message>
        <message>
            <source>enabled</source>
            <translation>已启用</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>say "hubs remove NAME".</source>
            <translation>请使用 "hubs remove 名称"。</translation>
        </message>
        <message>
            <source>Removed hub %1 and its samples.</source>
            <translation>已删除 Hub %1 及其样本。</translation>
        </message>
        <message>
            <source>%1: cannot write the output (%2).</source>
            <translation>%1：无法写入输出（%2）。</translation>
        </message>
        <message>
            <source>No enabled hubs. Add one with "hubs add NAME URL".</source>
            <translation>没有已启用的 Hub。请用 "hubs add 名称 URL" 添加。</translation>
        </message>
        <message>
            <source>%1 (%2): the poll did not finish in time.</source>
            <translation>%1（%2）：轮询未能按时完成。</translation>
        </message>
        <message>
            <source>MCPHub user name.</source>
            <translation>MCPHub 用户名。</translation>
        </message>
        <message>
            <source>user</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Read the user's password from the first line of standard input.</source>
            <translation>从标准输入的第一行读取该用户的密码。</translation>
        </message>
        <message>
            <source>Read a bearer key from the first line of standard input.</source>
            <translation>从标准输入的第一行读取 Bearer 密钥。</translation>
        </message>
        <message>
            <source>Seconds between polls (default 30).</source>
            <translation>两次轮询之间的秒数（默认 30）。</translation>
        </message>
        <message>
            <source>seconds</source>
            <translation>秒数</translation>
        </message>
        <message>
            <source>Seconds a request may take (default 10).</source>
            <translation>单个请求允许的最长秒数（默认 10）。</translation>
        </message>
        <message>
            <source>Trust the hub's self-signed certificate with this SHA-256 fingerprint.</source>
            <translation>信任具有此 SHA-256 指纹的 Hub 自签名证书。</translation>
        </message>
        <message>
            <source>sha256</source>
            <translation>sha256</translation>
        </message>
        <message>
            <source>Poll each hub once, print and exit.</source>
            <translation>每个 Hub 轮询一次，输出后退出。</translation>
        </message>
        <message>
            <source>text (default), json or prometheus.</source>
            <translation>text（默认）、json 或 prometheus。</translation>
        </message>
        <message>
            <source>format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>Replace this file atomically instead of printing (for node_exporter's textfile collector).</source>
            <translation>以原子方式替换此文件而不是打印输出（供 node_exporter 的 textfile 收集器使用）。</translation>
        </message>
        <message>
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>--format takes text, json or prometheus.</source>
            <translation>--format 的取值为 text、json 或 prometheus。</translation>
        </message>
        <message>
            <source>"hubs %1" takes no further arguments.</source>
            <translation>"hubs %1" 不接受更多参数。</translation>
        </message>
        <message>
            <source>Check the console's own health: the workspace database answers (and how fast), the settings folder is writable with free space, the keychain answers, and the process memory. Exit 1 when a check fails.</source>
            <translation>检查控制台自身的健康状况：工作区数据库是否响应（以及响应速度）、设置文件夹是否可写且有剩余空间、钥匙串是否响应，以及进程内存。任何检查失败时退出码为 1。</translation>
        </message>
        <message>
            <source>text (default) or json.</source>
            <translation>text（默认）或 json。</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Register, list, remove and poll MCPHub instances.</source>
            <translation>注册、列出、删除和轮询 MCPHub 实例。</translation>
        </message>
        <message>
            <source>Check the workspace database, settings folder, keychain and memory.</source>
            <translation>检查工作区数据库、设置文件夹、钥匙串和内存。</translation>
        </message>
        <message>
            <source>say "hubs retention RAW_HOURS MINUTE_DAYS HOUR_DAYS" with whole numbers.</source>
            <translation>请使用整数："hubs retention 原始小时数 分钟聚合天数 小时聚合天数"。</translation>
        </message>
        <message>
            <source>say "hubs retention" or "hubs retention RAW_HOURS MINUTE_DAYS HOUR_DAYS".</source>
            <translation>请使用 "hubs retention" 或 "hubs retention 原始小时数 分钟聚合天数 小时聚合天数"。</translation>
        </message>
        <message>
            <source>Samples are kept as polled for %1 hours, as 1-minute aggregates for %2 days and as 1-hour aggregates for %3 days.</source>
            <translation>样本以原始形式保留 %1 小时，以 1 分钟聚合保留 %2 天，以 1 小时聚合保留 %3 天。</translation>
        </message>
        <message>
            <source>Register running MCPHub instances and poll them. Passwords and bearer keys go to the system keychain only.
  add NAME URL [--user USER --password-stdin | --bearer-stdin] [--interval SECONDS]
  list                 the registered hubs and their latest state
  remove NAME          forget a hub, its samples and its secret
  poll [--once] [--format text|json|prometheus] [--output FILE]
                       poll the enabled hubs and print the latest sample of each; with
                       --once exit after one poll (exit 1 when a hub is not healthy),
                       otherwise print again after every poll until interrupted
  retention [RAW_HOURS MINUTE_DAYS HOUR_DAYS]
                       show or set how long samples are kept (default 24 7 90)</source>
            <translation>注册正在运行的 MCPHub 实例并轮询它们。密码和 Bearer 密钥只保存在系统钥匙串中。
  add NAME URL [--user USER --password-stdin | --bearer-stdin] [--interval SECONDS]
  list                 已注册的 Hub 及其最新状态
  remove NAME          删除一个 Hub、其样本及其密钥
  poll [--once] [--format text|json|prometheus] [--output FILE]
                       轮询已启用的 Hub 并输出每个 Hub 的最新样本；使用
                       --once 时轮询一次后退出（有 Hub 不健康时退出码为 1），
                       否则每次轮询后再次输出，直到被中断
  retention [RAW_HOURS MINUTE_DAYS HOUR_DAYS]
                       显示或设置样本的保留时长（默认 24 7 90）</translation>
        </message>
        <message>
            <source>say add, list, remove, poll or retention. Run "%1 hubs --help".</source>
            <translation>请使用 add、list、remove、poll 或 retention。运行 "%1 hubs --help" 查看帮助。</translation>
        </message>
        <message>
            <source>add, list, remove, poll or retention.</source>
            <translation>add、list、remove、poll 或 retention。</translation>
        </message>
    </context>
    <context>
        <name>OwnHealth</name>
        <message>
            <source>Workspace database</source>
            <translation>工作区数据库</translation>
        </message>
        <message>
            <source>Settings folder</source>
            <translation>设置文件夹</translation>
        </message>
        <message>
            <source>Keychain</source>
            <translation>钥匙串</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <source>%1: the workspace database is not open. Check the profile and that the server is running.</source>
            <translation>%1：工作区数据库未打开。请检查连接配置，并确认服务器正在运行。</translation>
        </message>
        <message>
            <source>%1: the workspace database does not answer (%2). Check that the server is running and reachable.</source>
            <translation>%1：工作区数据库没有响应（%2）。请确认服务器正在运行且可以访问。</translation>
        </message>
        <message>
            <source>%1 answers in %2 ms.</source>
            <translation>%1 在 %2 毫秒内响应。</translation>
        </message>
        <message>
            <source>%1: the settings folder cannot be created. Check its permissions.</source>
            <translation>%1：无法创建设置文件夹。请检查其权限。</translation>
        </message>
        <message>
            <source>%1: the settings folder is not writable (%2). Check its permissions and that the disk is not read-only.</source>
            <translation>%1：设置文件夹不可写（%2）。请检查其权限，并确认磁盘不是只读的。</translation>
        </message>
        <message>
            <source>%1: only %2 free. Free some disk space so settings and the SQLite workspace can be saved.</source>
            <translation>%1：仅剩 %2 可用空间。请释放一些磁盘空间，以便保存设置和 SQLite 工作区。</translation>
        </message>
        <message>
            <source>%1 is writable, %2 free.</source>
            <translation>%1 可写，剩余 %2。</translation>
        </message>
        <message>
            <source>The keychain answers.</source>
            <translation>钥匙串正常响应。</translation>
        </message>
        <message>
            <source>The keychain is not available (%1): hub and database passwords cannot be read. Unlock or start the keyring (for example gnome-keyring).</source>
            <translation>钥匙串不可用（%1）：无法读取 Hub 和数据库的密码。请解锁或启动密钥环（例如 gnome-keyring）。</translation>
        </message>
        <message>
            <source>This platform does not report the process memory.</source>
            <translation>此平台不提供进程内存信息。</translation>
        </message>
        <message>
            <source>%1 resident.</source>
            <translation>常驻内存 %1。</translation>
        </message>
    </context>
    <context>
        <name>PasswordHasher</name>
        <message>
            <source>The bcrypt cost must be between %1 and %2.</source>
            <translation>bcrypt 成本参数必须在 %1 到 %2 之间。</translation>
        </message>
        <message>
            <source>The password is longer than 72 bytes, which bcrypt ignores beyond. Choose a shorter password.</source>
            <translation>密码超过 72 字节，bcrypt 会忽略超出部分。请选择更短的密码。</translation>
        </message>
        <message>
            <source>The system could not make a bcrypt salt.</source>
            <translation>系统无法生成 bcrypt 盐值。</translation>
        </message>
        <message>
            <source>The system could not hash the password with bcrypt.</source>
            <translation>系统无法用 bcrypt 计算密码哈希。</translation>
        </message>
    </context>
    <context>
        <name>PasswordPolicy</name>
        <message>
            <source>It has fewer than 8 characters.</source>
            <translation>少于 8 个字符。</translation>
        </message>
        <message>
            <source>It has no letter.</source>
            <translation>不包含字母。</translation>
        </message>
        <message>
            <source>It has no digit.</source>
            <translation>不包含数字。</translation>
        </message>
        <message>
            <source>It has no special character.</source>
            <translation>不包含特殊字符。</translation>
        </message>
    </context>
    <context>
        <name>ProfileCommand</name>
        <message>
            <source>(read-only)</source>
            <translation>（只读）</translation>
        </message>
        <message>
            <source>Manage saved connection profiles. Passwords go to the system keychain only.
  list                                   the profiles
  add NAME --sqlite PATH | --pg CONNINFO  save a profile (replaces one of that name)
  remove NAME                            delete a profile and its password</source>
            <translation>管理已保存的连接配置。密码只保存在系统钥匙串中。
  list                                   列出连接配置
  add NAME --sqlite PATH | --pg CONNINFO  保存连接配置（替换同名配置）
  remove NAME                            删除连接配置及其密码</translation>
        </message>
        <message>
            <source>An SQLite file.</source>
            <translation>SQLite 文件。</translation>
        </message>
        <message>
            <source>path</source>
            <translation>路径</translation>
        </message>
        <message>
            <source>A PostgreSQL connection string or URI.</source>
            <translation>PostgreSQL 连接字符串或 URI。</translation>
        </message>
        <message>
            <source>conninfo</source>
            <translation>连接信息</translation>
        </message>
        <message>
            <source>Never write through this profile.</source>
            <translation>永不通过此连接配置写入。</translation>
        </message>
        <message>
            <source>Read the password from the first line of standard input.</source>
            <translation>从标准输入的第一行读取密码。</translation>
        </message>
        <message>
            <source>list, add or remove.</source>
            <translation>list、add 或 remove。</translation>
        </message>
        <message>
            <source>Removed profile %1.</source>
            <translation>已删除连接配置 %1。</translation>
        </message>
        <message>
            <source>give either --sqlite PATH or --pg CONNINFO.</source>
            <translation>请给出 --sqlite PATH 或 --pg CONNINFO 之一。</translation>
        </message>
        <message>
            <source>cannot read the password from standard input.</source>
            <translation>无法从标准输入读取密码。</translation>
        </message>
        <message>
            <source>warning: </source>
            <translation>警告：</translation>
        </message>
        <message>
            <source>Saved profile %1: %2</source>
            <translation>已保存连接配置 %1：%2</translation>
        </message>
        <message>
            <source>say list, add NAME or remove NAME. Run "%1 profile --help".</source>
            <translation>请指定 list、add NAME 或 remove NAME。运行 "%1 profile --help" 查看帮助。</translation>
        </message>
        <message>
            <source>List, add or remove connection profiles.</source>
            <translation>列出、添加或删除连接配置。</translation>
        </message>
    </context>
    <context>
        <name>ProfileStore</name>
        <message>
            <source>A profile name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.</source>
            <translation>连接配置名称由 1 到 64 个字母、数字、“.”、“_”或“-”组成，并以字母或数字开头。</translation>
        </message>
        <message>
            <source>Cannot write the profile settings. Check the permissions of the settings file.</source>
            <translation>无法写入连接配置。请检查设置文件的权限。</translation>
        </message>
        <message>
            <source>The system keychain is not available, so the password of profile "%1" is kept in memory for this session only and will be asked for again next time (%2).</source>
            <translation>系统钥匙串不可用，因此连接配置“%1”的密码仅在本次会话中保存在内存里，下次会再次询问（%2）。</translation>
        </message>
        <message>
            <source>There is no connection profile with this name. List them with "mcphub-adminctl profile list".</source>
            <translation>没有此名称的连接配置。可用 "mcphub-adminctl profile list" 列出全部配置。</translation>
        </message>
        <message>
            <source>The password of profile "%1" could not be read from the system keychain: %2</source>
            <translation>无法从系统钥匙串读取连接配置“%1”的密码：%2</translation>
        </message>
        <message>
            <source>There is no connection profile with this name.</source>
            <translation>没有此名称的连接配置。</translation>
        </message>
    </context>
    <context>
        <name>Repository</name>
        <message>
            <source>The workspace is open read-only, so %1 was not changed. Use a profile that is not read-only (or a console that knows this database's schema).</source>
            <translation>工作区以只读方式打开，因此 %1 未被修改。请使用非只读的连接配置（或能识别此数据库结构的控制台版本）。</translation>
        </message>
        <message>
            <source>Cannot add the row.</source>
            <translation>无法添加该行。</translation>
        </message>
        <message>
            <source>Cannot change the row.</source>
            <translation>无法修改该行。</translation>
        </message>
        <message>
            <source>Cannot delete the row.</source>
            <translation>无法删除该行。</translation>
        </message>
        <message>
            <source>Cannot read the rows.</source>
            <translation>无法读取数据行。</translation>
        </message>
        <message>
            <source>Cannot count the rows.</source>
            <translation>无法统计数据行。</translation>
        </message>
    </context>
    <context>
        <name>RowRepository</name>
        <message>
            <source>There is no such entry to change.</source>
            <translation>没有要修改的条目。</translation>
        </message>
        <message>
            <source>There is no such entry to delete.</source>
            <translation>没有要删除的条目。</translation>
        </message>
    </context>
    <context>
        <name>SchemaMigrator</name>
        <message>
            <source>A schema script is not named NNNN_description.sql. Rename it.</source>
            <translation>结构脚本的文件名不符合 NNNN_description.sql 格式。请重命名。</translation>
        </message>
        <message>
            <source>Cannot read the schema script.</source>
            <translation>无法读取结构脚本。</translation>
        </message>
        <message>
            <source>Two schema scripts have the same version number.</source>
            <translation>有两个结构脚本的版本号相同。</translation>
        </message>
        <message>
            <source>Cannot read the database's schema version.</source>
            <translation>无法读取数据库的结构版本。</translation>
        </message>
        <message>
            <source>Cannot read the schema history.</source>
            <translation>无法读取结构迁移历史。</translation>
        </message>
        <message>
            <source>Cannot take the schema migration lock.</source>
            <translation>无法获取结构迁移锁。</translation>
        </message>
        <message>
            <source>Cannot create the schema history table.</source>
            <translation>无法创建结构迁移历史表。</translation>
        </message>
        <message>
            <source>Schema drift: migration %1 applied to this database differs from the one this console carries. Nothing was changed. Open the database with the console version that created it, or restore it from a backup.</source>
            <translation>结构漂移：此数据库中已应用的迁移 %1 与本控制台携带的不同。未做任何更改。请使用创建该数据库的控制台版本打开它，或从备份恢复。</translation>
        </message>
        <message>
            <source>The database has schema version %1, newer than this console (%2). It was not changed; update the console to write to it.</source>
            <translation>数据库的结构版本为 %1，比本控制台（%2）更新。数据库未被更改；请升级控制台后再写入。</translation>
        </message>
        <message>
            <source>Schema migration %1 failed and was rolled back; the database is unchanged.</source>
            <translation>结构迁移 %1 失败并已回滚；数据库未被更改。</translation>
        </message>
        <message>
            <source>Cannot record schema migration %1; it was rolled back.</source>
            <translation>无法记录结构迁移 %1；已回滚。</translation>
        </message>
    </context>
    <context>
        <name>SecretStore</name>
        <message>
            <source>The system keychain did not answer in time. Unlock it, or enter the password for this session only.</source>
            <translation>系统钥匙串未及时响应。请解锁钥匙串，或仅为本次会话输入密码。</translation>
        </message>
        <message>
            <source>No password is stored for this entry.</source>
            <translation>此条目没有保存密码。</translation>
        </message>
        <message>
            <source>The system keychain is not available. The password is kept in memory for this session only; install and unlock a keychain (on Linux: gnome-keyring or KWallet) to store it.</source>
            <translation>系统钥匙串不可用。密码仅在本次会话中保存在内存里；如需保存，请安装并解锁钥匙串（Linux 上为 gnome-keyring 或 KWallet）。</translation>
        </message>
    </context>
    <context>
        <name>ServerRepository</name>
        <message>
            <source>There is no MCP server with this name.</source>
            <translation>没有此名称的 MCP 服务器。</translation>
        </message>
    </context>
    <context>
        <name>SqlConnection</name>
        <message>
            <source>The Qt SQL driver %1 is not installed. Install the package that provides it (Debian: libqt6sql6-sqlite or libqt6sql6-psql).</source>
            <translation>未安装 Qt SQL 驱动 %1。请安装提供该驱动的软件包（Debian：libqt6sql6-sqlite 或 libqt6sql6-psql）。</translation>
        </message>
        <message>
            <source>Cannot create the folder for the database file. Check the path and its permissions.</source>
            <translation>无法创建数据库文件所在的文件夹。请检查路径及其权限。</translation>
        </message>
        <message>
            <source>Cannot open the database. Check that it is reachable and that the credentials are right.</source>
            <translation>无法打开数据库。请检查数据库是否可达以及凭据是否正确。</translation>
        </message>
    </context>
    <context>
        <name>SqlError</name>
        <message>
            <source>Another program is using the database. Close it or wait until it finishes, then try again.</source>
            <translation>另一个程序正在使用该数据库。请关闭它或等待其完成后重试。</translation>
        </message>
        <message>
            <source>The file is not a valid SQLite database (it may be damaged). Restore it from a backup or choose another file.</source>
            <translation>该文件不是有效的 SQLite 数据库（可能已损坏）。请从备份恢复或选择其他文件。</translation>
        </message>
        <message>
            <source>The database only allows reading. Connect to the primary server or fix the file's permissions.</source>
            <translation>该数据库只允许读取。请连接到主服务器或修正文件权限。</translation>
        </message>
        <message>
            <source>The database role lacks the privileges needed (for the schema: CREATE on the schema). Ask the database owner to grant them, or connect as the owner.</source>
            <translation>数据库角色缺少所需权限（创建结构需要对模式的 CREATE 权限）。请让数据库所有者授予权限，或以所有者身份连接。</translation>
        </message>
    </context>
    <context>
        <name>SystemConfigRepository</name>
        <message>
            <source>Cannot save the system configuration.</source>
            <translation>无法保存系统配置。</translation>
        </message>
        <message>
            <source>The system configuration has no such key.</source>
            <translation>系统配置中没有此键。</translation>
        </message>
    </context>
    <context>
        <name>TransactionGuard</name>
        <message>
            <source>Cannot start a transaction.</source>
            <translation>无法开始事务。</translation>
        </message>
        <message>
            <source>The transaction is no longer open.</source>
            <translation>该事务已不再打开。</translation>
        </message>
        <message>
            <source>Cannot commit the changes; nothing was saved.</source>
            <translation>无法提交更改；没有保存任何内容。</translation>
        </message>
    </context>
    <context>
        <name>UsageLogRepository</name>
        <message>
            <source>Cannot write the usage log; nothing of this batch was saved.</source>
            <translation>无法写入使用日志；本批数据均未保存。</translation>
        </message>
        <message>
            <source>Cannot prune the usage log.</source>
            <translation>无法清理使用日志。</translation>
        </message>
    </context>
    <context>
        <name>UserRepository</name>
        <message>
            <source>There is no user with this name.</source>
            <translation>没有此名称的用户。</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>The server refused the password. Save the right one in the profile (mcphub-adminctl profile add ... --password-stdin).</source>
            <translation>服务器拒绝了该密码。请在连接配置中保存正确的密码（mcphub-adminctl profile add ... --password-stdin）。</translation>
        </message>
        <message>
            <source>The database user does not exist on the server. Check the user name of the profile.</source>
            <translation>服务器上不存在该数据库用户。请检查连接配置中的用户名。</translation>
        </message>
        <message>
            <source>The database does not exist on the server. Create it with "mcphub-adminctl db init" or check its name.</source>
            <translation>服务器上不存在该数据库。请用 "mcphub-adminctl db init" 创建，或检查数据库名称。</translation>
        </message>
        <message>
            <source>The database server cannot be reached. Check the host and port, and that the server is running and accepts connections from this machine.</source>
            <translation>无法连接到数据库服务器。请检查主机和端口，并确认服务器正在运行且接受来自本机的连接。</translation>
        </message>
        <message>
            <source>Cannot connect to the server's "postgres" database to create the workspace database. Create it yourself (createdb) or check the connection settings.</source>
            <translation>无法连接服务器的“postgres”数据库来创建工作区数据库。请自行创建（createdb）或检查连接设置。</translation>
        </message>
        <message>
            <source>Cannot look up the workspace database.</source>
            <translation>无法查询工作区数据库。</translation>
        </message>
        <message>
            <source>Cannot create the workspace database. Ask the server's administrator to create it for you.</source>
            <translation>无法创建工作区数据库。请让服务器管理员为您创建。</translation>
        </message>
        <message>
            <source>There is no database file here. Create it with "mcphub-adminctl db init".</source>
            <translation>此处没有数据库文件。请用 "mcphub-adminctl db init" 创建。</translation>
        </message>
        <message>
            <source>There is no database file here, and a read-only profile cannot create one.</source>
            <translation>此处没有数据库文件，而只读连接配置无法创建它。</translation>
        </message>
        <message>
            <source>This database was created by a newer version of the console (schema %1, this console knows %2). It is open read-only; update the console to change it.</source>
            <translation>此数据库由更新版本的控制台创建（结构版本 %1，本控制台识别到 %2）。已以只读方式打开；请升级控制台后再修改。</translation>
        </message>
        <message>
            <source>Schema drift: migration %1 applied to this database differs from the one this console carries. Nothing was changed. Open the database with the console version that created it, or restore it from a backup.</source>
            <translation>结构漂移：此数据库中已应用的迁移 %1 与本控制台携带的不同。未做任何更改。请使用创建该数据库的控制台版本打开它，或从备份恢复。</translation>
        </message>
        <message numerus="yes">
            <source>The database schema is not up to date (%n migration(s) pending), and the profile is read-only, so none was applied.</source>
            <translation>
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>WorkspaceOptions</name>
        <message>
            <source>Open the workspace of this saved connection profile.</source>
            <translation>打开此已保存连接配置的工作区。</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Open this SQLite workspace file.</source>
            <translation>打开此 SQLite 工作区文件。</translation>
        </message>
        <message>
            <source>path</source>
            <translation>路径</translation>
        </message>
        <message>
            <source>Open this PostgreSQL workspace: "host=... port=... dbname=... user=..." or a postgresql:// URI, as psql takes it.</source>
            <translation>打开此 PostgreSQL 工作区："host=... port=... dbname=... user=..." 或 postgresql:// URI，与 psql 的写法相同。</translation>
        </message>
        <message>
            <source>conninfo</source>
            <translation>连接信息</translation>
        </message>
        <message>
            <source>Give only one of --profile, --sqlite and --pg.</source>
            <translation>--profile、--sqlite 和 --pg 只能给出其中一个。</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>Commands:</source>
            <translation>命令：</translation>
        </message>
        <message>
            <source>Command-line administration of MCPHub settings files and databases.</source>
            <translation>MCPHub 设置文件和数据库的命令行管理工具。</translation>
        </message>
        <message>
            <source>Run "%1 COMMAND --help" for a command's options.</source>
            <translation>运行 "%1 COMMAND --help" 查看命令的选项。</translation>
        </message>
        <message>
            <source>Message language, for example zh_CN.</source>
            <translation>消息语言，例如 zh_CN。</translation>
        </message>
        <message>
            <source>language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The command to run.</source>
            <translation>要运行的命令。</translation>
        </message>
        <message>
            <source>unknown command "%1". Run "%2 --help" for the list.</source>
            <translation>未知命令 "%1"。运行 "%2 --help" 查看命令列表。</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>%1: cannot write the screenshot.</source>
            <translation>%1：无法写入截图。</translation>
        </message>
        <message>
            <source>MCPHub Admin Console</source>
            <translation>MCPHub 管理控制台</translation>
        </message>
        <message>
            <source>Administration console for MCPHub.</source>
            <translation>MCPHub 管理控制台。</translation>
        </message>
        <message>
            <source>User interface language, for example zh_CN.</source>
            <translation>界面语言，例如 zh_CN。</translation>
        </message>
        <message>
            <source>language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Render the main window once, save it as a PNG file and exit.</source>
            <translation>渲染一次主窗口，保存为 PNG 文件后退出。</translation>
        </message>
        <message>
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Open this SQLite workspace instead of the default one.</source>
            <translation>打开此 SQLite 工作区，而不是默认工作区。</translation>
        </message>
        <message>
            <source>path</source>
            <translation>路径</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubAlertNotifier</name>
        <message>
            <source>MCPHub Admin Console: hub alerts</source>
            <translation>MCPHub 管理控制台：Hub 告警</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubClient</name>
        <message>
            <source>The hub refused the console's credentials (%1). Check the user name and password, or the bearer key, of this hub.</source>
            <translation>Hub 拒绝了控制台的凭据（%1）。请检查此 Hub 的用户名和密码，或 Bearer 密钥。</translation>
        </message>
        <message>
            <source>The hub refused the login (%1). Check the user name and password of this hub.</source>
            <translation>Hub 拒绝了登录（%1）。请检查此 Hub 的用户名和密码。</translation>
        </message>
        <message>
            <source>The hub did not answer within %1 s. It may be overloaded or its database may be down; the console will try again.</source>
            <translation>Hub 未在 %1 秒内答复。它可能负载过高或其数据库已停止；控制台将重试。</translation>
        </message>
        <message>
            <source>The hub's answer is larger than %1 MB, so the console stopped reading it. Check that the URL points at MCPHub.</source>
            <translation>Hub 的答复超过 %1 MB，控制台已停止读取。请检查 URL 是否指向 MCPHub。</translation>
        </message>
        <message>
            <source>The hub's TLS certificate is not trusted. If this is the hub's own certificate, trust its SHA-256 fingerprint %1 in this hub's settings.</source>
            <translation>Hub 的 TLS 证书不受信任。如果这是该 Hub 自己的证书，请在此 Hub 的设置中信任其 SHA-256 指纹 %1。</translation>
        </message>
        <message>
            <source>Could not reach the hub. Check that it is running and that its URL is right.</source>
            <translation>无法连接到 Hub。请检查它是否正在运行以及其 URL 是否正确。</translation>
        </message>
        <message>
            <source>The hub's answer was cut off (%1 of %2 bytes). The console will try again.</source>
            <translation>Hub 的答复被截断（%2 字节中仅收到 %1 字节）。控制台将重试。</translation>
        </message>
        <message>
            <source>The hub's rate limit is used up; the console waits %1 s as the hub asks before its next rate-limited request.</source>
            <translation>Hub 的速率限制已用尽；控制台将按 Hub 的要求等待 %1 秒后再发送下一个受速率限制的请求。</translation>
        </message>
        <message>
            <source>The hub answered HTTP %1 (%2).</source>
            <translation>Hub 答复了 HTTP %1（%2）。</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubDialog</name>
        <message>
            <source>Poll this hub</source>
            <translation>轮询此 Hub</translation>
        </message>
        <message>
            <source>Add hub</source>
            <translation>添加 Hub</translation>
        </message>
        <message>
            <source>None (public endpoints only)</source>
            <translation>无（仅公开端点）</translation>
        </message>
        <message>
            <source>User name and password</source>
            <translation>用户名和密码</translation>
        </message>
        <message>
            <source>Bearer key</source>
            <translation>Bearer 密钥</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>SHA-256, only for a self-signed certificate</source>
            <translation>SHA-256，仅用于自签名证书</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>Base &amp;URL:</source>
            <translation>基础 URL(&amp;U)：</translation>
        </message>
        <message>
            <source>&amp;Authentication:</source>
            <translation>认证方式(&amp;A)：</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>用户名(&amp;U)：</translation>
        </message>
        <message>
            <source>&amp;Password or key:</source>
            <translation>密码或密钥(&amp;P)：</translation>
        </message>
        <message>
            <source>Poll &amp;interval:</source>
            <translation>轮询间隔(&amp;I)：</translation>
        </message>
        <message>
            <source>&amp;Timeout:</source>
            <translation>超时(&amp;T)：</translation>
        </message>
        <message>
            <source>Trusted &amp;certificate:</source>
            <translation>受信任证书(&amp;C)：</translation>
        </message>
        <message>
            <source>Edit hub %1</source>
            <translation>编辑 Hub %1</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>保持不变</translation>
        </message>
        <message>
            <source>Enter the password or bearer key; it is kept in the system keychain.</source>
            <translation>请输入密码或 Bearer 密钥；它会保存在系统钥匙串中。</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubEventModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Hub</source>
            <translation>Hub</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubHistoryModels</name>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>已连接</translation>
        </message>
        <message>
            <source>Disconnected</source>
            <translation>已断开</translation>
        </message>
        <message>
            <source>Tool calls</source>
            <translation>工具调用</translation>
        </message>
        <message>
            <source>Error rate (%)</source>
            <translation>错误率（%）</translation>
        </message>
        <message>
            <source>Health latency (ms)</source>
            <translation>健康检查延迟（毫秒）</translation>
        </message>
        <message>
            <source>Average call (ms)</source>
            <translation>平均调用时长（毫秒）</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubPoller</name>
        <message>
            <source>%1: the hub's rate limit is used up; rate-limited requests resume in %2 s.</source>
            <translation>%1：Hub 的速率限制已用尽；受速率限制的请求将在 %2 秒后恢复。</translation>
        </message>
        <message>
            <source>%1: unexpected HTTP status %2.</source>
            <translation>%1：意外的 HTTP 状态 %2。</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubServerStatusModel</name>
        <message>
            <source>Connected</source>
            <translation>已连接</translation>
        </message>
        <message>
            <source>Connecting</source>
            <translation>连接中</translation>
        </message>
        <message>
            <source>Disconnected</source>
            <translation>已断开</translation>
        </message>
        <message>
            <source>OAuth required</source>
            <translation>需要 OAuth</translation>
        </message>
        <message>
            <source>%1 (disabled)</source>
            <translation>%1（已停用）</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Tools</source>
            <translation>工具</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubStateTimeline</name>
        <message>
            <source>No samples yet</source>
            <translation>暂无样本</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubTableModel</name>
        <message>
            <source>%1 (disabled)</source>
            <translation>%1（已停用）</translation>
        </message>
        <message>
            <source>Not polled yet</source>
            <translation>尚未轮询</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Hub</source>
            <translation>Hub</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Servers connected</source>
            <translation>已连接服务器</translation>
        </message>
        <message>
            <source>Last poll</source>
            <translation>最近轮询</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>最近错误</translation>
        </message>
        <message>
            <source>Rate limit</source>
            <translation>速率限制</translation>
        </message>
    </context>
    <context>
        <name>mcphub::HubsView</name>
        <message>
            <source>&amp;Add hub…</source>
            <translation>添加 Hub(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>删除(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Poll now</source>
            <translation>立即轮询(&amp;P)</translation>
        </message>
        <message>
            <source>Health timeline (last hour):</source>
            <translation>健康时间线（最近一小时）：</translation>
        </message>
        <message>
            <source>Servers connected and disconnected</source>
            <translation>已连接与已断开的服务器</translation>
        </message>
        <message>
            <source>Tool calls per poll interval</source>
            <translation>每个轮询间隔的工具调用数</translation>
        </message>
        <message>
            <source>Error rate</source>
            <translation>错误率</translation>
        </message>
        <message>
            <source>Latency</source>
            <translation>延迟</translation>
        </message>
        <message>
            <source>Top servers by calls (24 h)</source>
            <translation>调用最多的服务器（24 小时）</translation>
        </message>
        <message>
            <source>Top tools by calls (24 h)</source>
            <translation>调用最多的工具（24 小时）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>调用</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>Servers and tools</source>
            <translation>服务器和工具</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Add a hub to watch its health and usage.</source>
            <translation>添加一个 Hub 以监视其健康状况和使用情况。</translation>
        </message>
        <message>
            <source>%1: not polled yet</source>
            <translation>%1：尚未轮询</translation>
        </message>
        <message>
            <source>Add hub</source>
            <translation>添加 Hub</translation>
        </message>
        <message>
            <source>Edit hub</source>
            <translation>编辑 Hub</translation>
        </message>
        <message>
            <source>Remove hub</source>
            <translation>删除 Hub</translation>
        </message>
        <message>
            <source>Remove hub %1 and its samples? Synced tool calls stay in the usage log.</source>
            <translation>删除 Hub %1 及其样本？已同步的工具调用仍保留在使用日志中。</translation>
        </message>
    </context>
    <context>
        <name>mcphub::KeyValueEditor</name>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Show secrets</source>
            <translation>显示机密</translation>
        </message>
    </context>
    <context>
        <name>mcphub::KeyValueModel</name>
        <message>
            <source>The name is empty. Enter a name or remove the row.</source>
            <translation>名称为空。请输入名称或删除该行。</translation>
        </message>
        <message>
            <source>"%1" appears more than once; only one value can be kept.</source>
            <translation>"%1" 出现了不止一次；只能保留一个值。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
    </context>
    <context>
        <name>mcphub::MainWindow</name>
        <message>
            <source>MCPHub Admin Console</source>
            <translation>MCPHub 管理控制台</translation>
        </message>
        <message>
            <source>No workspace</source>
            <translation>无工作区</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
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
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About MCPHub Admin Console</source>
            <translation>关于 MCPHub 管理控制台(&amp;A)</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>关于 &amp;Qt</translation>
        </message>
        <message>
            <source>Areas</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Nothing to show yet in this workspace.</source>
            <translation>此工作区中暂无内容。</translation>
        </message>
        <message>
            <source>Workspace: %1</source>
            <translation>工作区：%1</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>已连接</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>只读</translation>
        </message>
        <message>
            <source>About MCPHub Admin Console</source>
            <translation>关于 MCPHub 管理控制台</translation>
        </message>
        <message>
            <source>&lt;h3&gt;MCPHub Admin Console %1&lt;/h3&gt;&lt;p&gt;Safe settings files, one database schema on SQLite and PostgreSQL, migration and monitoring for MCPHub.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;MCPHub 管理控制台 %1&lt;/h3&gt;&lt;p&gt;为 MCPHub 提供安全的设置文件、SQLite 与 PostgreSQL 上统一的数据库结构、迁移和监控。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Workspace: %1 — %2</source>
            <translation>工作区：%1 — %2</translation>
        </message>
    </context>
    <context>
        <name>mcphub::OwnHealthIndicator</name>
        <message>
            <source>Own health: not checked yet</source>
            <translation>自身健康：尚未检查</translation>
        </message>
        <message>
            <source>Own health: %1 failing</source>
            <translation>自身健康：%1 异常</translation>
        </message>
        <message>
            <source>Own health: OK</source>
            <translation>自身健康：正常</translation>
        </message>
    </context>
    <context>
        <name>mcphub::SecretLineEdit</name>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Show or hide the secret</source>
            <translation>显示或隐藏机密</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy the secret to the clipboard</source>
            <translation>将机密复制到剪贴板</translation>
        </message>
    </context>
    <context>
        <name>mcphub::TimeSeriesChart</name>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Last 15 minutes</source>
            <translation>最近 15 分钟</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>最近 1 小时</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>最近 24 小时</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>All samples</source>
            <translation>全部样本</translation>
        </message>
        <message>
            <source>Time range shown, ending at the newest sample</source>
            <translation>显示的时间范围，截止到最新样本</translation>
        </message>
        <message>
            <source>Stop following new samples</source>
            <translation>停止跟随新样本</translation>
        </message>
        <message>
            <source>Reset zoom</source>
            <translation>重置缩放</translation>
        </message>
        <message>
            <source>Drag across the chart to zoom in; this shows the whole range again</source>
            <translation>在图表上拖动可放大；点此重新显示整个范围</translation>
        </message>
    </context>
    <context>
        <name>mcphub::TimeSeriesModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
    </context>
    <context>
        <name>mcphub::WorkspaceAreaModel</name>
        <message>
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Servers</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>Bearer keys</source>
            <translation>Bearer 密钥</translation>
        </message>
        <message>
            <source>Usage log</source>
            <translation>使用日志</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Hubs</source>
            <translation>Hub 实例</translation>
        </message>
        <message>
            <source>Accounts that can sign in to MCPHub, their admin flag and passwords.</source>
            <translation>可以登录 MCPHub 的账户、其管理员标志和密码。</translation>
        </message>
        <message>
            <source>The MCP servers MCPHub aggregates: stdio, SSE, streamable HTTP and OpenAPI.</source>
            <translation>MCPHub 聚合的 MCP 服务器：stdio、SSE、可流式 HTTP 和 OpenAPI。</translation>
        </message>
        <message>
            <source>Groups of servers exposed under one endpoint, with per-server tool selection.</source>
            <translation>在同一端点下公开的服务器分组，可按服务器选择工具。</translation>
        </message>
        <message>
            <source>Bearer keys that clients present to MCPHub's MCP endpoints.</source>
            <translation>客户端访问 MCPHub 的 MCP 端点时出示的 Bearer 密钥。</translation>
        </message>
        <message>
            <source>Tool calls made through MCPHub: who called what, when, and how it went.</source>
            <translation>通过 MCPHub 进行的工具调用：谁在何时调用了什么，结果如何。</translation>
        </message>
        <message>
            <source>Every change made through this console or its command-line tool.</source>
            <translation>通过本控制台或其命令行工具所做的每一项更改。</translation>
        </message>
        <message>
            <source>Timestamped backups of the settings file, made before every save.</source>
            <translation>每次保存前生成的带时间戳的设置文件备份。</translation>
        </message>
        <message>
            <source>Running MCPHub instances watched by this console: health and usage.</source>
            <translation>本控制台监视的运行中 MCPHub 实例：健康状况与使用情况。</translation>
        </message>
    </context>
</TS>
