<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AtomicFileWriter</name>
    <message>
        <source>Cannot create a temporary file in the folder %1. Saving safely needs a writable folder; check that it exists and that you may write there. The file was not changed.</source>
        <translation>无法在文件夹 %1 中创建临时文件。安全保存需要可写的文件夹；请检查它是否存在以及你是否有写权限。文件未被修改。</translation>
    </message>
    <message>
        <source>Could not write the new content; the disk may be full. The file was not changed.</source>
        <translation>无法写入新内容；磁盘可能已满。文件未被修改。</translation>
    </message>
    <message>
        <source>Could not write the new content to the disk; it may be full. The file was not changed.</source>
        <translation>无法把新内容写入磁盘；磁盘可能已满。文件未被修改。</translation>
    </message>
    <message>
        <source>Could not replace the file with its new content. The file was not changed.</source>
        <translation>无法用新内容替换文件。文件未被修改。</translation>
    </message>
    <message>
        <source>The new content was written, but the folder could not be synced to disk; a power cut now could undo the save.</source>
        <translation>新内容已写入，但文件夹无法同步到磁盘；此时断电可能使这次保存失效。</translation>
    </message>
    <message>
        <source>Cannot set the permissions of the new file. It was not written.</source>
        <translation>无法设置新文件的权限。文件未写入。</translation>
    </message>
</context>
<context>
    <name>BearerKeyRepository</name>
    <message>
        <source>There is no bearer key with this id.</source>
        <translation>没有此 ID 的持有者密钥。</translation>
    </message>
</context>
<context>
    <name>BearerKeyTableModel</name>
    <message>
        <source>The access type is all, groups, servers or custom.</source>
        <translation>访问类型为 all、groups、servers 或 custom。</translation>
    </message>
    <message>
        <source>Group access needs at least one group.</source>
        <translation>分组访问至少需要一个分组。</translation>
    </message>
    <message>
        <source>Server access needs at least one server.</source>
        <translation>服务器访问至少需要一个服务器。</translation>
    </message>
    <message>
        <source>Custom access needs at least one group or server.</source>
        <translation>自定义访问至少需要一个分组或服务器。</translation>
    </message>
</context>
<context>
    <name>BulkInserter</name>
    <message>
        <source>The database connection is not open.</source>
        <translation>数据库连接未打开。</translation>
    </message>
    <message>
        <source>This database driver has no bulk path.</source>
        <translation>此数据库驱动不支持批量写入。</translation>
    </message>
    <message>
        <source>Cannot prepare the bulk insert.</source>
        <translation>无法准备批量插入。</translation>
    </message>
    <message>
        <source>Cannot write the rows.</source>
        <translation>无法写入这些行。</translation>
    </message>
    <message>
        <source>Cannot reserve row ids for the bulk insert.</source>
        <translation>无法为批量插入预留行 ID。</translation>
    </message>
    <message>
        <source>This workspace is read-only: its database schema is newer than this console, or the profile only allows reading.</source>
        <translation>此工作区为只读：其数据库结构比本控制台新，或该配置只允许读取。</translation>
    </message>
    <message>
        <source>A row has %1 values for %2 columns.</source>
        <translation>一行有 %1 个值，但有 %2 列。</translation>
    </message>
</context>
<context>
    <name>BulkReader</name>
    <message>
        <source>Cannot read the rows back.</source>
        <translation>无法读回这些行。</translation>
    </message>
</context>
<context>
    <name>ChangeFeed</name>
    <message>
        <source>Cannot announce the change to the other consoles.</source>
        <translation>无法将此更改通知其他控制台。</translation>
    </message>
    <message>
        <source>Cannot queue the change for Redis.</source>
        <translation>无法将此更改排入 Redis 的发件箱。</translation>
    </message>
</context>
<context>
    <name>ChangesCommand</name>
    <message>
        <source>nothing to listen to: a SQLite workspace has no NOTIFY; give --redis.</source>
        <translation>没有可监听的内容：SQLite 工作区没有 NOTIFY；请指定 --redis。</translation>
    </message>
    <message>
        <source>cannot LISTEN: %1</source>
        <translation>无法 LISTEN：%1</translation>
    </message>
    <message>
        <source>give --redis (or a profile with a Redis) to deliver the outbox to.</source>
        <translation>请指定 --redis（或带有 Redis 的连接配置）作为发件箱的投递目标。</translation>
    </message>
    <message>
        <source>%1 (%2 change(s) were delivered first).</source>
        <translation>%1（之前已投递 %2 个更改）。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) delivered to Redis.</source>
        <translation>
            <numerusform>已向 Redis 投递 %n 个更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Live changes between consoles (PostgreSQL NOTIFY mcphub_admin_changes, Redis config:update).
  listen    print each change another console commits, one JSON line each
            ({&quot;source&quot;, &quot;table&quot;, &quot;key&quot;, &quot;action&quot;, &quot;changeId&quot;, &quot;instance&quot;})
  deliver   send the changes waiting in the outbox to Redis, in order</source>
        <translation>控制台之间的实时更改（PostgreSQL NOTIFY mcphub_admin_changes，Redis config:update）。
  listen    打印另一个控制台提交的每个更改，每个一行 JSON
            ({&quot;source&quot;, &quot;table&quot;, &quot;key&quot;, &quot;action&quot;, &quot;changeId&quot;, &quot;instance&quot;})
  deliver   按顺序将发件箱中等待的更改发送到 Redis</translation>
    </message>
    <message>
        <source>listen or deliver.</source>
        <translation>listen 或 deliver。</translation>
    </message>
    <message>
        <source>listen: stop after this many changes (exit 0).</source>
        <translation>listen：收到这么多个更改后停止（退出码 0）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>listen: stop after this many seconds (exit 1 when --count was not reached).</source>
        <translation>listen：这么多秒后停止（未达到 --count 时退出码为 1）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>say listen or deliver. Run &quot;%1 changes --help&quot;.</source>
        <translation>请指定 listen 或 deliver。运行“%1 changes --help”。</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>the workspace is open read-only, so delivered changes cannot be taken out of its outbox; deliver them from a workspace that can write (on the primary).</source>
        <translation>工作区以只读方式打开，已投递的变更无法从其发件箱中移除；请在可写的工作区（主库上）投递。</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>Show and change MCPHub&apos;s system configuration (systemConfig: routing, install, smartRouting, nameSeparator, oauthServer, ...), one top-level key at a time.
  list              the keys, each with its size and kind of value (no values:
                    sections hold secrets such as OAuth client secrets)
  get KEY           the key&apos;s JSON value as stored
  set KEY JSON      set the key to this JSON value (&quot;-&quot;: read it from standard
                    input)
  unset KEY         remove the key (in MCPHub&apos;s database: set its column NULL)
In MCPHub&apos;s database the keys are the columns of its system_config row; other keys are refused.</source>
        <translation>显示并更改 MCPHub 的系统配置（systemConfig：routing、install、smartRouting、nameSeparator、oauthServer 等），每次处理一个顶层键。
  list              列出各键及其值的大小和类型（不显示值：
                    部分段落含有 OAuth 客户端密钥等机密）
  get KEY           输出该键按原样存储的 JSON 值
  set KEY JSON      将该键设为此 JSON 值（&quot;-&quot;：从标准输入
                    读取）
  unset KEY         删除该键（在 MCPHub 的数据库中：将其列设为 NULL）
在 MCPHub 的数据库中，键即其 system_config 行的各列；其他键将被拒绝。</translation>
    </message>
    <message>
        <source>list, get, set or unset.</source>
        <translation>list、get、set 或 unset。</translation>
    </message>
    <message>
        <source>say list, get KEY, set KEY JSON or unset KEY. Run &quot;%1 config --help&quot;.</source>
        <translation>请指定 list、get KEY、set KEY JSON 或 unset KEY。运行“%1 config --help”查看帮助。</translation>
    </message>
    <message>
        <source>the JSON argument</source>
        <translation>JSON 参数</translation>
    </message>
    <message>
        <source>cannot read the value from standard input.</source>
        <translation>无法从标准输入读取该值。</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>system-config/%1: the system configuration has no such key.</source>
        <translation>system-config/%1：系统配置中没有此键。</translation>
    </message>
    <message>
        <source>Set %1.</source>
        <translation>已设置 %1。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Note: </source>
        <translation>注意：</translation>
    </message>
    <message>
        <source>Saved to the bound settings file %1 too.</source>
        <translation>也已保存到绑定的设置文件 %1。</translation>
    </message>
    <message>
        <source>Show and change MCPHub&apos;s system configuration (systemConfig).</source>
        <translation>显示并更改 MCPHub 的系统配置（systemConfig）。</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>Connected, but the server&apos;s version could not be read.</source>
        <translation>已连接，但无法读取服务器版本。</translation>
    </message>
    <message>
        <source>There is no SQLite file at this path. Choose an existing workspace file, or create one with File ▸ New SQLite database.</source>
        <translation>此路径下没有 SQLite 文件。请选择一个现有的工作区文件，或通过“文件 ▸ 新建 SQLite 数据库”创建一个。</translation>
    </message>
    <message numerus="yes">
        <source>The pg_auto_failover monitor answers: %n node(s).</source>
        <translation>
            <numerusform>pg_auto_failover 监控节点已应答：%n 个节点。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The PostgreSQL connection string is not valid. Write it as &quot;host=... port=... dbname=... user=...&quot; or as a postgresql://user@host:port/dbname URI.</source>
        <translation>PostgreSQL 连接字符串无效。请写成 &quot;host=... port=... dbname=... user=...&quot; 或 postgresql://user@host:port/dbname URI 的形式。</translation>
    </message>
    <message>
        <source>The port in the PostgreSQL connection string is not a number from 1 to 65535.</source>
        <translation>PostgreSQL 连接字符串中的端口不是 1 到 65535 之间的数字。</translation>
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
        <source>profile &quot;%1&quot;</source>
        <translation>连接配置“%1”</translation>
    </message>
    <message>
        <source>MCPHub database %1</source>
        <translation>MCPHub 数据库 %1</translation>
    </message>
    <message>
        <source>The connection string gives %1 ports for %2 hosts; port %3 is used for every host.</source>
        <translation>连接字符串为 %2 个主机给出了 %1 个端口；所有主机都使用端口 %3。</translation>
    </message>
</context>
<context>
    <name>ConnectionWatchdog</name>
    <message>
        <source>%1 did not answer a new connection within %2 s.</source>
        <translation>%1 在 %2 秒内没有响应新的连接。</translation>
    </message>
</context>
<context>
    <name>ConsoleRemedies</name>
    <message>
        <source>Reload the workspace (File ▸ Reload, F5) to load the file&apos;s new content, then make the change again.</source>
        <translation>请重新加载工作区（文件 ▸ 重新加载，F5）以载入文件的新内容，然后再做一次更改。</translation>
    </message>
    <message>
        <source>Save again and confirm the warnings to save them anyway.</source>
        <translation>请再次保存并确认这些警告，即可连同警告一起保存。</translation>
    </message>
    <message>
        <source>On the Target page, set &quot;Conflicting entries&quot; to skip or overwrite.</source>
        <translation>请在“目标”页面把“冲突条目”设为跳过或覆盖。</translation>
    </message>
    <message>
        <source>On the Target page, tick &quot;Skip invalid records and migrate the rest&quot; and choose a rejects file.</source>
        <translation>请在“目标”页面勾选“跳过无效记录并迁移其余内容”，并选择一个拒绝记录文件。</translation>
    </message>
    <message>
        <source>On the Target page, choose a rejects file.</source>
        <translation>请在“目标”页面选择一个拒绝记录文件。</translation>
    </message>
    <message>
        <source>Open the profile and choose File ▸ Unbind settings file.</source>
        <translation>请打开该配置，然后选择 文件 ▸ 解除绑定设置文件。</translation>
    </message>
    <message>
        <source>Open it with File ▸ Connect to MCPHub database… to administer the hub&apos;s own tables.</source>
        <translation>请用“文件 ▸ 连接到 MCPHub 数据库…”打开它，以管理该 hub 自己的表。</translation>
    </message>
    <message>
        <source>Connect again with &quot;Create MCPHub&apos;s tables&quot; ticked.</source>
        <translation>请勾选“创建 MCPHub 的表”后重新连接。</translation>
    </message>
    <message>
        <source>On the Plan page, tick the box that accepts losing what MCPHub&apos;s tables cannot hold.</source>
        <translation>在“计划”页勾选“接受丢失 MCPHub 的表无法保存的内容”。</translation>
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
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>the profile is read-only, so no schema migration can be applied. Use &quot;db status&quot; to look, or a profile that may write.</source>
        <translation>该连接配置是只读的，因此无法应用任何结构迁移。请用 &quot;db status&quot; 查看，或使用允许写入的连接配置。</translation>
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
    <message>
        <source>Created MCPHub&apos;s tables in %1.</source>
        <translation>已在 %1 中创建 MCPHub 的表。</translation>
    </message>
    <message>
        <source>Opened %1: %2.</source>
        <translation>已打开 %1：%2。</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主库</translation>
    </message>
    <message>
        <source>standby (in recovery)</source>
        <translation>备库（处于恢复状态）</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 on %2:%3: %4.</source>
        <translation>已连接到 %2:%3 上的 PostgreSQL %1：%4。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>? bytes</source>
        <translation>? 字节</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>? s</source>
        <translation>? 秒</translation>
    </message>
    <message>
        <source>%1: no replication (embedded database).</source>
        <translation>%1：无复制（嵌入式数据库）。</translation>
    </message>
    <message>
        <source>%1: primary, WAL at %2.</source>
        <translation>%1：主库，WAL 位于 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Standbys streaming from it: %n</source>
        <translation>
            <numerusform>正在从其流式复制的备库：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>flush</source>
        <translation>刷盘</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>%1: standby (in recovery) of %2, receiver %3.</source>
        <translation>%1：%2 的备库（处于恢复状态），接收进程 %3。</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>replayed</source>
        <translation>已回放</translation>
    </message>
    <message>
        <source>last replayed transaction</source>
        <translation>最后回放的事务</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>replay lag</source>
        <translation>回放延迟</translation>
    </message>
    <message>
        <source>pg_auto_failover formation:</source>
        <translation>pg_auto_failover 集群编队 (formation)：</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>健康状况未知</translation>
    </message>
    <message>
        <source>--format: say text or json, not &quot;%1&quot;.</source>
        <translation>--format：请使用 text 或 json，而不是“%1”。</translation>
    </message>
    <message>
        <source>Create a workspace database, show its schema migrations or apply them.
  init     create the database if needed and apply every schema migration
  status   list applied and pending migrations and any drift; changes nothing
           (exit 1 on drift)
  migrate  apply the pending migrations
  test     connect once and show the server&apos;s version and whether it is the primary
           (what the console&apos;s File &gt; Connections... Test shows); changes nothing
  replication  the server&apos;s replication: a primary&apos;s standbys and their lag, a
           standby&apos;s replay position and its primary, a pg_auto_failover
           formation (--monitor); reads only</source>
        <translation>创建工作区数据库，显示或应用其架构迁移。
  init     按需创建数据库，并应用所有架构迁移
  status   列出已应用和待应用的迁移以及任何偏差；不做任何更改
           （存在偏差时退出码为 1）
  migrate  应用待应用的迁移
  test     连接一次，显示服务器版本以及它是否为主库
           （即控制台“文件 &gt; 连接... 测试”所显示的内容）；不做任何更改
  replication  服务器的复制状态：主库的备库及其延迟、
           备库的回放位置及其主库、pg_auto_failover
           集群编队 (formation)（--monitor）；只读</translation>
    </message>
    <message>
        <source>init, status, migrate, test or replication.</source>
        <translation>init、status、migrate、test 或 replication。</translation>
    </message>
    <message>
        <source>replication: text (default) or json.</source>
        <translation>replication：text（默认）或 json。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>replication: the conninfo of a pg_auto_failover monitor (default: the profile&apos;s), to list its formation&apos;s nodes.</source>
        <translation>replication：pg_auto_failover 监控节点的 conninfo（默认使用连接配置中的），用于列出其集群编队 (formation) 的节点。</translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation>conninfo</translation>
    </message>
    <message>
        <source>say init, status, migrate, test or replication. Run &quot;%1 db --help&quot;.</source>
        <translation>请使用 init、status、migrate、test 或 replication。运行“%1 db --help”查看帮助。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>DriftCheck</name>
    <message>
        <source>Only in the file.</source>
        <translation>仅在文件中。</translation>
    </message>
    <message>
        <source>Only in the database.</source>
        <translation>仅在数据库中。</translation>
    </message>
    <message>
        <source>the file writes the number %1, which MCPHub and the database hold as %2</source>
        <translation>文件中写的数字是 %1，而 MCPHub 和数据库保存的是 %2</translation>
    </message>
</context>
<context>
    <name>FieldAssignments</name>
    <message>
        <source>&quot;%1&quot; is not FIELD=VALUE with one of the fields %2.</source>
        <translation>“%1”不是 FIELD=VALUE 格式，或其字段不是 %2 之一。</translation>
    </message>
    <message>
        <source>%1 is true or false.</source>
        <translation>%1 只能是 true 或 false。</translation>
    </message>
    <message>
        <source>%1 is a JSON array of strings, such as [&quot;a&quot;,&quot;b&quot;] (an empty value for none).</source>
        <translation>%1 是由字符串组成的 JSON 数组，例如 [&quot;a&quot;,&quot;b&quot;]（空值表示无）。</translation>
    </message>
    <message>
        <source>%1 is a JSON object, such as {&quot;KEY&quot;:&quot;value&quot;} (an empty value for none).</source>
        <translation>%1 是 JSON 对象，例如 {&quot;KEY&quot;:&quot;value&quot;}（空值表示无）。</translation>
    </message>
    <message>
        <source>%1 takes KEY=VALUE; &quot;%2&quot; has no key or no &quot;=&quot;.</source>
        <translation>%1 接受 KEY=VALUE；“%2”缺少键或缺少“=”。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>%1 %2 are named &quot;%3&quot; (ids %4); give the id instead of the name.</source>
        <translation>有 %1 个 %2 名为“%3”（id 为 %4）；请改用 id 而非名称。</translation>
    </message>
</context>
<context>
    <name>GenerateCommand</name>
    <message>
        <source>Write a large, realistic mcp_settings.json and usage.jsonl (MCPHub activities, one per line) into OUTDIR, for benchmarks. The same --seed gives the same files.</source>
        <translation>将一个大型、贴近实际的 mcp_settings.json 和 usage.jsonl（MCPHub 活动记录，每行一条）写入 OUTDIR，用于基准测试。相同的 --seed 生成相同的文件。</translation>
    </message>
    <message>
        <source>The folder to write into.</source>
        <translation>要写入的文件夹。</translation>
    </message>
    <message>
        <source>Seed of the generator.</source>
        <translation>生成器的随机种子。</translation>
    </message>
    <message>
        <source>give one output folder.</source>
        <translation>请给出一个输出文件夹。</translation>
    </message>
    <message>
        <source>--%1 takes a number of 0 or more.</source>
        <translation>--%1 需要一个大于或等于 0 的数字。</translation>
    </message>
    <message>
        <source>cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <translation>已写入 %1 和 %2。</translation>
    </message>
    <message>
        <source>Write a large settings file and usage log for benchmarks</source>
        <translation>为基准测试写入大型设置文件和使用日志</translation>
    </message>
    <message>
        <source>How many MCP servers.</source>
        <translation>MCP 服务器的数量。</translation>
    </message>
    <message>
        <source>How many users.</source>
        <translation>用户的数量。</translation>
    </message>
    <message>
        <source>How many groups.</source>
        <translation>分组的数量。</translation>
    </message>
    <message>
        <source>How many bearer keys.</source>
        <translation>Bearer 密钥的数量。</translation>
    </message>
    <message>
        <source>How many usage-log lines.</source>
        <translation>使用日志的行数。</translation>
    </message>
</context>
<context>
    <name>GroupCommand</name>
    <message>
        <source>groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>There is no group with this name or id; &quot;group list&quot; shows them.</source>
        <translation>没有此名称或 id 的分组；“group list”可列出所有分组。</translation>
    </message>
    <message>
        <source>There is no MCP server named %1; a group names servers that exist. Nothing was changed.</source>
        <translation>没有名为 %1 的 MCP 服务器；分组只能包含已存在的服务器。未做任何更改。</translation>
    </message>
    <message>
        <source>List, add, change and remove the groups of servers clients can route to.
  list                        the groups: name, servers
  show NAME                   every field of a group (NAME or its id)
  add NAME [--server S]... [--description D] [--owner O]
                              add a group of existing servers
  set NAME FIELD=VALUE...     change fields: name, description, owner, servers
                              (a JSON array of server names: a server kept keeps
                              its tool selection)
  remove NAME                 delete a group</source>
        <translation>列出、添加、更改和删除客户端可路由到的服务器分组。
  list                        列出分组：名称、服务器
  show NAME                   显示分组的所有字段（NAME 或其 id）
  add NAME [--server S]... [--description D] [--owner O]
                              添加由现有服务器组成的分组
  set NAME FIELD=VALUE...     更改字段：name、description、owner、servers
                              （服务器名称的 JSON 数组：保留下来的服务器
                              会保留其工具选择）
  remove NAME                 删除分组</translation>
    </message>
    <message>
        <source>add: a member server (repeat for each).</source>
        <translation>add：成员服务器（可重复指定多个）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>add: the description.</source>
        <translation>add：描述。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>add: the user who manages the group.</source>
        <translation>add：管理该分组的用户。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>list, show, add, set or remove.</source>
        <translation>list、show、add、set 或 remove。</translation>
    </message>
    <message>
        <source>say list, show NAME, add NAME, set NAME FIELD=VALUE... or remove NAME. Run &quot;%1 group --help&quot;.</source>
        <translation>请指定 list、show NAME、add NAME、set NAME FIELD=VALUE... 或 remove NAME。运行“%1 group --help”查看帮助。</translation>
    </message>
    <message>
        <source>--%1 goes with &quot;group add&quot;; change a group with &quot;group set NAME FIELD=VALUE&quot;.</source>
        <translation>--%1 用于“group add”；要更改分组，请使用“group set NAME FIELD=VALUE”。</translation>
    </message>
    <message>
        <source>A group with this name exists already; nothing was added.</source>
        <translation>已存在同名分组；未添加任何内容。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <source>Added group %1.</source>
        <translation>已添加分组 %1。</translation>
    </message>
    <message>
        <source>Removed group %1.</source>
        <translation>已删除分组 %1。</translation>
    </message>
    <message>
        <source>Another group is named %1; nothing was changed.</source>
        <translation>另一个分组已命名为 %1；未做任何更改。</translation>
    </message>
    <message>
        <source>Changed group %1.</source>
        <translation>已更改分组 %1。</translation>
    </message>
    <message>
        <source>List, add, change and remove groups of servers.</source>
        <translation>列出、添加、更改和删除服务器分组。</translation>
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
    <name>HubChange</name>
    <message>
        <source>start server &quot;%1&quot;</source>
        <translation>启动服务器“%1”</translation>
    </message>
    <message>
        <source>stop server &quot;%1&quot;</source>
        <translation>停止服务器“%1”</translation>
    </message>
    <message>
        <source>reload server &quot;%1&quot;</source>
        <translation>重新加载服务器“%1”</translation>
    </message>
    <message>
        <source>re-read the system configuration</source>
        <translation>重新读取系统配置</translation>
    </message>
</context>
<context>
    <name>HubChangeResult</name>
    <message>
        <source>%1: %2: done</source>
        <translation>%1：%2：已完成</translation>
    </message>
    <message>
        <source>%1: %2: applies at the next restart of %1 (%3)</source>
        <translation>%1：%2：将在 %1 下次重启时生效（%3）</translation>
    </message>
    <message>
        <source>%1: %2: failed: %3 The database change is committed; restart %1, or make the same change in its dashboard.</source>
        <translation>%1：%2：失败：%3 数据库更改已提交；请重启 %1，或在其控制台面板中进行相同的更改。</translation>
    </message>
</context>
<context>
    <name>HubCheck</name>
    <message>
        <source>The hub answered HTTP %1.</source>
        <translation>集线器返回了 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>HubEventStore</name>
    <message>
        <source>Cannot read the hub events.</source>
        <translation>无法读取集线器事件。</translation>
    </message>
    <message>
        <source>Cannot count the unacknowledged hub events.</source>
        <translation>无法统计未确认的集线器事件。</translation>
    </message>
    <message>
        <source>Cannot acknowledge the hub event.</source>
        <translation>无法确认该集线器事件。</translation>
    </message>
    <message>
        <source>Cannot acknowledge the hub events.</source>
        <translation>无法确认这些集线器事件。</translation>
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
        <source>Polling every %1 s needs about %2 rate-limited requests per %3, more than the console&apos;s share of the %4 this hub allows. Poll every %5 s or less often.</source>
        <translation>每 %1 秒轮询一次，每 %3 约需 %2 次受速率限制的请求，超过了该 Hub 允许的 %4 次中控制台可用的份额。请将轮询间隔设为 %5 秒或更长。</translation>
    </message>
</context>
<context>
    <name>HubRegistry</name>
    <message>
        <source>This hub needs a password or bearer key.</source>
        <translation>此 Hub 需要密码或 Bearer 密钥。</translation>
    </message>
    <message>
        <source>Another hub is registered under this name. Choose another name.</source>
        <translation>已有另一个 Hub 以此名称注册。请换一个名称。</translation>
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
        <source>The hub&apos;s password or bearer key is not in the keychain. Enter it again: edit the hub in the console, or remove and add it again.</source>
        <translation>钥匙串中没有该 Hub 的密码或 Bearer 密钥。请重新输入：在控制台中编辑该 Hub，或将其删除后重新添加。</translation>
    </message>
    <message>
        <source>There is no hub of this name. &quot;hubs list&quot; shows the registered ones.</source>
        <translation>没有此名称的 Hub。&quot;hubs list&quot; 会列出已注册的 Hub。</translation>
    </message>
    <message>
        <source>A hub of this name is registered already. Remove it first or choose another name.</source>
        <translation>已注册同名 Hub。请先将其删除，或换一个名称。</translation>
    </message>
    <message>
        <source>The hub was removed meanwhile; add it again.</source>
        <translation>该 Hub 已在此期间被删除，请重新添加。</translation>
    </message>
    <message>
        <source>The base URL holds a user name or password, which would be stored and shown in clear. Remove it from the URL; give the user name and the password or bearer key as the hub&apos;s credentials (they are kept in the system keychain).</source>
        <translation>基础 URL 中含有用户名或密码，它们会以明文保存和显示。请从 URL 中删除；把用户名和密码或 Bearer 密钥作为 Hub 的凭据填写（它们保存在系统钥匙串中）。</translation>
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
        <source>The hub&apos;s answer has no &quot;data&quot; field. This MCPHub version may not be supported.</source>
        <translation>Hub 的答复中没有 &quot;data&quot; 字段。可能不支持此 MCPHub 版本。</translation>
    </message>
    <message>
        <source>The hub&apos;s /health answer has no &quot;status&quot;. Check that the URL points at MCPHub.</source>
        <translation>Hub 的 /health 答复中没有 &quot;status&quot;。请检查 URL 是否指向 MCPHub。</translation>
    </message>
    <message>
        <source>The hub refused the login: %1. Check the user name and password of this hub.</source>
        <translation>Hub 拒绝了登录：%1。请检查此 Hub 的用户名和密码。</translation>
    </message>
    <message>
        <source>The hub&apos;s server list is not an array.</source>
        <translation>Hub 的服务器列表不是数组。</translation>
    </message>
    <message>
        <source>The hub&apos;s user statistics have no &quot;totalUsers&quot;.</source>
        <translation>Hub 的用户统计中没有 &quot;totalUsers&quot;。</translation>
    </message>
    <message>
        <source>An activity row has no id or no valid timestamp.</source>
        <translation>某条活动记录没有 id 或没有有效的时间戳。</translation>
    </message>
    <message>
        <source>The hub&apos;s activity list is not an array.</source>
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
        <source>No hub has a sample yet. Add one with &quot;hubs add&quot;.</source>
        <translation>还没有任何 Hub 的样本。请用 &quot;hubs add&quot; 添加 Hub。</translation>
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
        <source>Cannot store the hub&apos;s server status; the sample was not saved.</source>
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
    <name>HubSettings</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a 32-bit integer</source>
        <translation>32 位整数</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>a time (an ISO 8601 string)</source>
        <translation>时间（ISO 8601 字符串）</translation>
    </message>
    <message>
        <source>MCPHub&apos;s column %1 holds a time to the millisecond in UTC; this value would come back as %2.</source>
        <translation>MCPHub 的列 %1 以 UTC 保存精确到毫秒的时间；此值读回时将变为 %2。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s column %1 holds %2; this value is not that, and would be lost.</source>
        <translation>MCPHub 的列 %1 保存的是%2；此值不是，将会丢失。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a uuid as MCPHub&apos;s id column keeps it; stored as %2.</source>
        <translation>“%1”不是 MCPHub 的 id 列所保存的 uuid；以 %2 存储。</translation>
    </message>
    <message>
        <source>The reference to group id &quot;%1&quot; now names %2.</source>
        <translation>对分组 id“%1”的引用现在指向 %2。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s database has no place for this top-level key.</source>
        <translation>MCPHub 的数据库没有存放此顶层键的位置。</translation>
    </message>
    <message>
        <source>The entry is not a JSON object.</source>
        <translation>该条目不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The entry has no &quot;%1&quot;, which MCPHub&apos;s table needs.</source>
        <translation>该条目没有 MCPHub 的表所需的“%1”。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s column %1.%2 holds at most %3 characters.</source>
        <translation>MCPHub 的列 %1.%2 最多保存 %3 个字符。</translation>
    </message>
    <message>
        <source>Another entry has the same %1 &quot;%2&quot;; MCPHub&apos;s rows are matched by it.</source>
        <translation>另一个条目具有相同的 %1“%2”；MCPHub 的行按它匹配。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s table %1 has no column for this key.</source>
        <translation>MCPHub 的表 %1 没有对应此键的列。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s column %1 cannot hold null; MCPHub&apos;s default %2 is stored instead.</source>
        <translation>MCPHub 的列 %1 不能为 null；改为存储 MCPHub 的默认值 %2。</translation>
    </message>
    <message>
        <source>Kept in the options column, but MCPHub&apos;s API keeps only timeout, resetTimeoutOnProgress and maxTotalTimeout there: it drops this key the next time the server is saved through MCPHub.</source>
        <translation>已保存在 options 列中，但 MCPHub 的 API 在此只保留 timeout、resetTimeoutOnProgress 和 maxTotalTimeout：下次通过 MCPHub 保存该服务器时会丢弃此键。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s column %1.%2 cannot be empty.</source>
        <translation>MCPHub 的列 %1.%2 不能为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSON object.</source>
        <translation>“%1”不是 JSON 对象。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSON array.</source>
        <translation>“%1”不是 JSON 数组。</translation>
    </message>
    <message>
        <source>reading MCPHub&apos;s rows</source>
        <translation>读取 MCPHub 的行</translation>
    </message>
    <message>
        <source>removing a row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>restoring a row</source>
        <translation>恢复一行</translation>
    </message>
    <message>
        <source>The column holds text that is not JSON; it is left out of the file.</source>
        <translation>该列保存的文本不是 JSON；未写入文件。</translation>
    </message>
    <message>
        <source>Another entry has the same %1; MCPHub&apos;s column %2.%3 holds each value once.</source>
        <translation>另一个条目具有相同的 %1；MCPHub 的列 %2.%3 中每个值只能出现一次。</translation>
    </message>
</context>
<context>
    <name>HubTelling</name>
    <message>
        <source>In MCPHub&apos;s database: do not tell the hubs registered in the workspace what changed (they take it at their next restart).</source>
        <translation>在 MCPHub 数据库中：不把变更告知本工作区中登记的集线器（它们会在下次重启时应用）。</translation>
    </message>
</context>
<context>
    <name>HubsCommand</name>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>say &quot;hubs add NAME URL&quot;.</source>
        <translation>请使用 &quot;hubs add 名称 URL&quot;。</translation>
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
        <source>standard input held no password or key; pipe it in, for example &quot;printf %s \&quot;$PASS\&quot; | mcphub-adminctl hubs add ...&quot;.</source>
        <translation>标准输入中没有密码或密钥；请通过管道传入，例如 &quot;printf %s \&quot;$PASS\&quot; | mcphub-adminctl hubs add ...&quot;。</translation>
    </message>
    <message>
        <source>Added hub %1 (%2), polled every %3 s.</source>
        <translation>已添加 Hub %1（%2），每 %3 秒轮询一次。</translation>
    </message>
    <message>
        <source>No hubs registered. Add one with &quot;hubs add NAME URL&quot;.</source>
        <translation>尚未注册任何 Hub。请用 &quot;hubs add 名称 URL&quot; 添加。</translation>
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
        <source>say &quot;hubs remove NAME&quot;.</source>
        <translation>请使用 &quot;hubs remove 名称&quot;。</translation>
    </message>
    <message>
        <source>Removed hub %1 and its samples.</source>
        <translation>已删除 Hub %1 及其样本。</translation>
    </message>
    <message>
        <source>No enabled hubs. Add one with &quot;hubs add NAME URL&quot;.</source>
        <translation>没有已启用的 Hub。请用 &quot;hubs add 名称 URL&quot; 添加。</translation>
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
        <source>Read the user&apos;s password from the first line of standard input.</source>
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
        <source>Trust the hub&apos;s self-signed certificate with this SHA-256 fingerprint.</source>
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
        <source>Replace this file atomically instead of printing (for node_exporter&apos;s textfile collector).</source>
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
        <source>&quot;hubs %1&quot; takes no further arguments.</source>
        <translation>&quot;hubs %1&quot; 不接受更多参数。</translation>
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
        <source>say &quot;hubs retention RAW_HOURS MINUTE_DAYS HOUR_DAYS&quot; with whole numbers.</source>
        <translation>请使用整数：&quot;hubs retention 原始小时数 分钟聚合天数 小时聚合天数&quot;。</translation>
    </message>
    <message>
        <source>say &quot;hubs retention&quot; or &quot;hubs retention RAW_HOURS MINUTE_DAYS HOUR_DAYS&quot;.</source>
        <translation>请使用 &quot;hubs retention&quot; 或 &quot;hubs retention 原始小时数 分钟聚合天数 小时聚合天数&quot;。</translation>
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
        <source>say add, list, remove, poll or retention. Run &quot;%1 hubs --help&quot;.</source>
        <translation>请使用 add、list、remove、poll 或 retention。运行 &quot;%1 hubs --help&quot; 查看帮助。</translation>
    </message>
    <message>
        <source>add, list, remove, poll or retention.</source>
        <translation>add、list、remove、poll 或 retention。</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: use text, json or prometheus.</source>
        <translation>未知格式“%1”：请使用 text、json 或 prometheus。</translation>
    </message>
    <message>
        <source>Check the console&apos;s own health: the workspace database answers (and how fast), the settings folder is writable with free space, the keychain answers, and the process memory; on PostgreSQL the replication (standbys streaming, replay lag against the alert thresholds) and, with a Redis URL, Redis (PING latency). Exit 1 when a check fails.</source>
        <translation>检查控制台自身的健康状况：工作区数据库是否应答（以及速度）、设置文件夹是否可写且有剩余空间、钥匙串是否应答、进程内存；在 PostgreSQL 上还检查主备复制（正在流式复制的备库、相对告警阈值的回放延迟），指定 Redis URL 时还检查 Redis（PING 延迟）。任一检查失败时退出码为 1。</translation>
    </message>
    <message>
        <source>text (default), json, or prometheus (the checks and the workspace&apos;s figures: users, servers, tool calls, database connections and latency; with a Redis URL, Redis&apos;s PING time, keyspace hits and misses, hit ratio and memory).</source>
        <translation>text（默认）、json 或 prometheus（各项检查及工作区数据：用户、服务器、工具调用、数据库连接和延迟；指定 Redis URL 时还有 Redis 的 PING 时间、键空间命中与未命中次数、命中率和内存）。</translation>
    </message>
</context>
<context>
    <name>KeyCommand</name>
    <message>
        <source>bearer keys</source>
        <translation>Bearer 密钥</translation>
    </message>
    <message>
        <source>There is no bearer key with this name or id; &quot;key list&quot; shows them.</source>
        <translation>没有此名称或 id 的 Bearer 密钥；“key list”可列出所有密钥。</translation>
    </message>
    <message>
        <source>List, add, change and remove the bearer keys clients send to MCPHub.
  list                        the keys: name, enabled, access, masked token
  show NAME                   every field of a key (NAME or its id), token masked
  add NAME [--access all|groups|servers|custom] [--group G]... [--server S]...
          [--disabled]        add a key; its new token is printed this once
  set NAME FIELD=VALUE...     change fields: name, enabled, accessType,
                              allowedGroups, allowedServers (JSON arrays of names)
  enable NAME | disable NAME  accept or refuse the key
  remove NAME                 delete a key</source>
        <translation>列出、添加、更改和删除客户端发送给 MCPHub 的 Bearer 密钥。
  list                        列出密钥：名称、是否启用、访问范围、遮蔽后的令牌
  show NAME                   显示密钥的所有字段（NAME 或其 id），令牌已遮蔽
  add NAME [--access all|groups|servers|custom] [--group G]... [--server S]...
          [--disabled]        添加密钥；其新令牌仅在此时输出一次
  set NAME FIELD=VALUE...     更改字段：name、enabled、accessType、
                              allowedGroups、allowedServers（名称的 JSON 数组）
  enable NAME | disable NAME  接受或拒绝该密钥
  remove NAME                 删除密钥</translation>
    </message>
    <message>
        <source>add: what the key reaches: all (the default), groups, servers or custom.</source>
        <translation>add：密钥可访问的范围：all（默认）、groups、servers 或 custom。</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>add: a group the key reaches (repeat for each).</source>
        <translation>add：密钥可访问的分组（可重复指定多个）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>add: a server the key reaches (repeat for each).</source>
        <translation>add：密钥可访问的服务器（可重复指定多个）。</translation>
    </message>
    <message>
        <source>add: the new key starts disabled.</source>
        <translation>add：新密钥初始为禁用状态。</translation>
    </message>
    <message>
        <source>list, show, add, set, enable, disable or remove.</source>
        <translation>list、show、add、set、enable、disable 或 remove。</translation>
    </message>
    <message>
        <source>say list, show NAME, add NAME, set NAME FIELD=VALUE..., enable NAME, disable NAME or remove NAME. Run &quot;%1 key --help&quot;.</source>
        <translation>请指定 list、show NAME、add NAME、set NAME FIELD=VALUE...、enable NAME、disable NAME 或 remove NAME。运行“%1 key --help”查看帮助。</translation>
    </message>
    <message>
        <source>--%1 goes with &quot;key add&quot;; change a key with &quot;key set NAME FIELD=VALUE&quot;.</source>
        <translation>--%1 用于“key add”；要更改密钥，请使用“key set NAME FIELD=VALUE”。</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>分组 %1</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>--group and --server go with --access groups, servers or custom.</source>
        <translation>--group 和 --server 需与 --access groups、servers 或 custom 一起使用。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <source>Added bearer key %1. Its token, shown only this once:</source>
        <translation>已添加 Bearer 密钥 %1。其令牌仅显示这一次：</translation>
    </message>
    <message>
        <source>Removed bearer key %1.</source>
        <translation>已删除 Bearer 密钥 %1。</translation>
    </message>
    <message>
        <source>Enabled bearer key %1.</source>
        <translation>已启用 Bearer 密钥 %1。</translation>
    </message>
    <message>
        <source>Disabled bearer key %1.</source>
        <translation>已禁用 Bearer 密钥 %1。</translation>
    </message>
    <message>
        <source>Changed bearer key %1.</source>
        <translation>已更改 Bearer 密钥 %1。</translation>
    </message>
    <message>
        <source>List, add, change and remove bearer keys.</source>
        <translation>列出、添加、更改和删除 Bearer 密钥。</translation>
    </message>
</context>
<context>
    <name>LogImport</name>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>缺少“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a string.</source>
        <translation>“%1”不是字符串。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 time such as 2026-11-25T19:12:03.398Z.</source>
        <translation>“%1”不是 ISO 8601 时间（例如 2026-11-25T19:12:03.398Z）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false.</source>
        <translation>“%1”不是 true 或 false。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a string that is not JSON text.</source>
        <translation>“%1”是一个字符串，但不是 JSON 文本。</translation>
    </message>
    <message>
        <source>The line is not JSON (column %1: %2).</source>
        <translation>该行不是 JSON（第 %1 列：%2）。</translation>
    </message>
    <message>
        <source>The line is not a JSON object.</source>
        <translation>该行不是 JSON 对象。</translation>
    </message>
    <message>
        <source>&quot;status&quot; is not a string.</source>
        <translation>“status”不是字符串。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a column of %2.</source>
        <translation>“%1”不是 %2 的列。</translation>
    </message>
    <message>
        <source>Cannot read the log file. Check the path and permissions.</source>
        <translation>无法读取日志文件。请检查路径和权限。</translation>
    </message>
    <message>
        <source>Cannot read the log file.</source>
        <translation>无法读取日志文件。</translation>
    </message>
    <message>
        <source>Cannot write the log rows from %1; nothing was migrated.</source>
        <translation>无法写入来自 %1 的日志行；未迁移任何内容。</translation>
    </message>
    <message>
        <source>%1 holds %2 rows from %3, the file has %4.</source>
        <translation>%1 中有 %2 行来自 %3，而文件中有 %4 行。</translation>
    </message>
    <message>
        <source>The rows %1 holds from %2 differ from the file (SHA-256 %3, the file&apos;s %4).</source>
        <translation>%1 中来自 %2 的行与文件不同（SHA-256 为 %3，文件的为 %4）。</translation>
    </message>
    <message>
        <source>Not a log table.</source>
        <translation>不是日志表。</translation>
    </message>
    <message>
        <source>Cannot remove the log rows of the run.</source>
        <translation>无法删除此次运行的日志行。</translation>
    </message>
    <message>
        <source>The line is not JSON (%1).</source>
        <translation>该行不是 JSON（%1）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains the character U+0000, which a database text column cannot hold.</source>
        <translation>“%1”包含字符 U+0000，数据库文本列无法保存它。</translation>
    </message>
</context>
<context>
    <name>McphubRowCheck</name>
    <message>
        <source>The stored text is not JSON (%1), so MCPHub cannot load this row. It is kept as it is until you enter this value anew.</source>
        <translation>存储的文本不是 JSON（%1），因此 MCPHub 无法加载此行。在您重新输入此值之前，它将保持原样。</translation>
    </message>
    <message>
        <source>The stored value is JSON null where MCPHub needs a list, so MCPHub cannot use this row. It is kept as it is until you enter this value anew.</source>
        <translation>存储的值是 JSON null，而 MCPHub 需要列表，因此 MCPHub 无法使用此行。在您重新输入此值之前，它将保持原样。</translation>
    </message>
    <message>
        <source>The stored value is not a JSON object (%1). It is kept as it is until you enter this value anew.</source>
        <translation>存储的值不是 JSON 对象（%1）。在您重新输入此值之前，它将保持原样。</translation>
    </message>
    <message>
        <source>The stored value is not a JSON list of names (%1). It is kept as it is until you enter this value anew.</source>
        <translation>存储的值不是由名称组成的 JSON 列表（%1）。在您重新输入此值之前，它将保持原样。</translation>
    </message>
    <message>
        <source>%1/%2 (id %3): column &quot;%4&quot;: %5</source>
        <translation>%1/%2（id %3）：列“%4”：%5</translation>
    </message>
    <message>
        <source>The column is NULL where MCPHub needs a list, so MCPHub cannot use this row. It is kept as it is until you enter this value anew.</source>
        <translation>该列为 NULL，而 MCPHub 需要列表，因此 MCPHub 无法使用此行。在您重新输入此值之前，它将保持原样。</translation>
    </message>
    <message>
        <source>The access type &quot;%1&quot; is unknown; MCPHub knows all, groups, servers and custom. It is kept as it is until you choose one.</source>
        <translation>访问类型“%1”未知；MCPHub 支持 all、groups、servers 和 custom。在您选择其一之前，它将保持原样。</translation>
    </message>
    <message>
        <source>The kind &quot;%1&quot; is unknown; MCPHub knows system and user keys. It is kept as it is.</source>
        <translation>种类“%1”未知；MCPHub 支持 system 和 user 两种密钥。它将保持原样。</translation>
    </message>
    <message>
        <source>This console does not know this column (a newer MCPHub&apos;s?). Its value is kept as it is, also when you edit the row.</source>
        <translation>此控制台不认识此列（来自较新版本的 MCPHub？）。其值将保持原样，编辑该行时也是如此。</translation>
    </message>
    <message>
        <source>The server &quot;%1&quot; does not exist; MCPHub skips it in this group. Remove it from the members or add the server.</source>
        <translation>服务器“%1”不存在；MCPHub 会在此分组中跳过它。请将其从成员中移除，或添加该服务器。</translation>
    </message>
</context>
<context>
    <name>McphubSchema</name>
    <message>
        <source>MCPHub&apos;s table definitions are missing from this build of the console.</source>
        <translation>此控制台构建中缺少 MCPHub 的表定义。</translation>
    </message>
    <message>
        <source>Cannot read the database&apos;s tables.</source>
        <translation>无法读取数据库的表。</translation>
    </message>
    <message>
        <source>This database holds no MCPHub tables: it is not the database of a hub in database mode. Nothing was changed. Check the connection, or create MCPHub&apos;s tables here, exactly as MCPHub makes them, so that a hub can start on it.</source>
        <translation>此数据库中没有 MCPHub 的表：它不是以数据库模式运行的 hub 的数据库。未做任何更改。请检查连接，或在此按 MCPHub 自己的方式创建其表，使 hub 能在其上启动。</translation>
    </message>
    <message>
        <source>This database holds only some of MCPHub&apos;s tables (%1 missing), so it is not a complete MCPHub database. Nothing was changed. Start the hub on it once (MCPHub creates what is missing), or restore it from a backup.</source>
        <translation>此数据库只包含 MCPHub 的部分表（缺少 %1），不是完整的 MCPHub 数据库。未做任何更改。请先让 hub 在其上启动一次（MCPHub 会创建缺少的表），或从备份恢复。</translation>
    </message>
    <message>
        <source>Cannot create MCPHub&apos;s tables; nothing was created.</source>
        <translation>无法创建 MCPHub 的表；未创建任何内容。</translation>
    </message>
    <message>
        <source>Cannot read the role&apos;s privileges.</source>
        <translation>无法读取该角色的权限。</translation>
    </message>
    <message>
        <source>Cannot select the console&apos;s schema.</source>
        <translation>无法选择控制台的 schema。</translation>
    </message>
    <message>
        <source>The workspace is open read-only; connect as a role that may (the database&apos;s owner, for one) to change it.</source>
        <translation>工作区以只读方式打开；如需更改，请以有权限的角色（例如数据库所有者）连接。</translation>
    </message>
    <message>
        <source>The role %1 may not create the schema mcphub_admin in database %2, where the console keeps its audit trail beside MCPHub&apos;s tables. %3 (As the owner: GRANT CREATE ON DATABASE %2 TO %1.)</source>
        <translation>角色 %1 无权在数据库 %2 中创建 schema mcphub_admin（控制台在 MCPHub 的表旁边用它保存审计记录）。%3（以所有者身份执行：GRANT CREATE ON DATABASE %2 TO %1。）</translation>
    </message>
    <message>
        <source>The role %1 may not write the console&apos;s audit trail in the schema mcphub_admin. %2</source>
        <translation>角色 %1 无权在 schema mcphub_admin 中写入控制台的审计记录。%2</translation>
    </message>
    <message>
        <source>The role %1 may only read MCPHub&apos;s tables. %2</source>
        <translation>角色 %1 只能读取 MCPHub 的表。%2</translation>
    </message>
    <message>
        <source>Cannot create the console&apos;s schema mcphub_admin.</source>
        <translation>无法创建控制台的 schema mcphub_admin。</translation>
    </message>
</context>
<context>
    <name>MigrateCommand</name>
    <message>
        <source>Exit codes: 0 done (a dry run: nothing wrong), 1 findings (invalid records, conflicts, verification differences, a refused rollback, drift), 2 failure (bad usage, unreadable file, invalid JSON, database error, cancelled).</source>
        <translation>退出码：0 完成（试运行：没有问题），1 发现问题（无效记录、冲突、校验差异、回滚被拒绝、漂移），2 失败（用法错误、文件不可读、JSON 无效、数据库错误、已取消）。</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>written</source>
        <translation>已写入</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>conflict: </source>
        <translation>冲突：</translation>
    </message>
    <message>
        <source>invalid: </source>
        <translation>无效：</translation>
    </message>
    <message>
        <source>difference: </source>
        <translation>差异：</translation>
    </message>
    <message>
        <source>Backup of the source: %1</source>
        <translation>源文件的备份：%1</translation>
    </message>
    <message>
        <source>Migrate an MCPHub settings file into the workspace database: back it up, validate it, plan every entry (new, identical or conflicting), import all in one transaction, verify it field by field and record the run. The file is only read.</source>
        <translation>将 MCPHub 设置文件迁移到工作区数据库：备份、校验、为每个条目制定计划（新增、相同或冲突）、在一个事务中全部导入、逐字段核对并记录本次运行。文件只会被读取。</translation>
    </message>
    <message>
        <source>The mcp_settings.json to migrate.</source>
        <translation>要迁移的 mcp_settings.json。</translation>
    </message>
    <message>
        <source>Plan and simulate the import, then roll it back.</source>
        <translation>制定计划并模拟导入，然后回滚。</translation>
    </message>
    <message>
        <source>What to do with entries the database holds with other content: fail (default), skip or overwrite.</source>
        <translation>数据库中已有内容不同的条目时如何处理：fail（默认）、skip 或 overwrite。</translation>
    </message>
    <message>
        <source>Leave invalid records out (into --rejects) and migrate the rest.</source>
        <translation>跳过无效记录（写入 --rejects），迁移其余记录。</translation>
    </message>
    <message>
        <source>JSON-lines file for the records left out.</source>
        <translation>用于存放被跳过记录的 JSON Lines 文件。</translation>
    </message>
    <message>
        <source>Write the full report as JSON.</source>
        <translation>以 JSON 写出完整报告。</translation>
    </message>
    <message>
        <source>Folder for the source backup (default: beside it).</source>
        <translation>源文件备份的文件夹（默认：与源文件同目录）。</translation>
    </message>
    <message>
        <source>Do not ask before writing.</source>
        <translation>写入前不再询问。</translation>
    </message>
    <message>
        <source>give one settings file. Run &quot;%1 migrate --help&quot;.</source>
        <translation>请给出一个设置文件。运行 &quot;%1 migrate --help&quot;。</translation>
    </message>
    <message>
        <source>--conflict takes fail, skip or overwrite.</source>
        <translation>--conflict 的取值为 fail、skip 或 overwrite。</translation>
    </message>
    <message>
        <source>--skip-invalid needs --rejects FILE for the records it leaves out.</source>
        <translation>--skip-invalid 需要 --rejects FILE 来存放被跳过的记录。</translation>
    </message>
    <message>
        <source>give --yes to migrate without a terminal to confirm on (or --dry-run).</source>
        <translation>没有可供确认的终端时，请加 --yes 进行迁移（或使用 --dry-run）。</translation>
    </message>
    <message>
        <source>Migrate %1 into %2?</source>
        <translation>将 %1 迁移到 %2？</translation>
    </message>
    <message>
        <source>nothing was migrated.</source>
        <translation>未迁移任何内容。</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>试运行：未做任何更改。</translation>
    </message>
    <message>
        <source>Migration run %1 completed and verified.</source>
        <translation>迁移运行 %1 已完成并通过校验。</translation>
    </message>
    <message>
        <source>Write the workspace&apos;s settings as an MCPHub settings file (the format MCPHub writes; an existing file is backed up first and replaced atomically).</source>
        <translation>将工作区的设置写为 MCPHub 设置文件（MCPHub 自身的格式；已有文件会先备份，再以原子方式替换）。</translation>
    </message>
    <message>
        <source>The settings file to write.</source>
        <translation>要写入的设置文件。</translation>
    </message>
    <message>
        <source>give one output file.</source>
        <translation>请给出一个输出文件。</translation>
    </message>
    <message>
        <source>Backup of the previous file: %1</source>
        <translation>原文件的备份：%1</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>List the migration runs and rollbacks, newest first.</source>
        <translation>列出迁移运行和回滚，最新的在前。</translation>
    </message>
    <message>
        <source>of run %1</source>
        <translation>针对运行 %1</translation>
    </message>
    <message>
        <source>Undo a completed migration run: remove the rows it added and restore the rows it replaced. Refused when a later run or edit changed one of them.</source>
        <translation>撤销一次已完成的迁移运行：删除它新增的行，恢复它替换的行。若之后的运行或编辑改动过其中任一行，则拒绝执行。</translation>
    </message>
    <message>
        <source>The run, as &quot;history&quot; lists it.</source>
        <translation>运行编号，即 &quot;history&quot; 所列出的。</translation>
    </message>
    <message>
        <source>give the id of one run (see &quot;history&quot;).</source>
        <translation>请给出一个运行的编号（见 &quot;history&quot;）。</translation>
    </message>
    <message>
        <source>give --yes to roll back without a terminal to confirm on.</source>
        <translation>没有可供确认的终端时，请加 --yes 进行回滚。</translation>
    </message>
    <message>
        <source>Roll back migration run %1?</source>
        <translation>回滚迁移运行 %1？</translation>
    </message>
    <message>
        <source>nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>changed later: </source>
        <translation>之后被更改：</translation>
    </message>
    <message>
        <source>Run %1 rolled back (recorded as run %2).</source>
        <translation>运行 %1 已回滚（记录为运行 %2）。</translation>
    </message>
    <message>
        <source>Compare a settings file with the workspace database and list every difference by entity and field. Exit 1 when they differ.</source>
        <translation>比较设置文件与工作区数据库，按实体和字段列出每一处差异。存在差异时退出码为 1。</translation>
    </message>
    <message>
        <source>The settings file.</source>
        <translation>设置文件。</translation>
    </message>
    <message>
        <source>give one settings file.</source>
        <translation>请给出一个设置文件。</translation>
    </message>
    <message>
        <source>The file and the database hold the same settings.</source>
        <translation>文件与数据库中的设置相同。</translation>
    </message>
    <message numerus="yes">
        <source>%n differences.</source>
        <translation>
            <numerusform>%n 处差异。</numerusform>
        </translation>
    </message>
    <message>
        <source>Migrate a settings file into the database.</source>
        <translation>将设置文件迁移到数据库。</translation>
    </message>
    <message>
        <source>Write the database&apos;s settings as a settings file.</source>
        <translation>将数据库中的设置写为设置文件。</translation>
    </message>
    <message>
        <source>List migration runs and rollbacks.</source>
        <translation>列出迁移运行和回滚。</translation>
    </message>
    <message>
        <source>Undo a migration run.</source>
        <translation>撤销一次迁移运行。</translation>
    </message>
    <message>
        <source>Compare a settings file with the database.</source>
        <translation>比较设置文件与数据库。</translation>
    </message>
    <message>
        <source>Also load this usage log (JSON lines: mcp_usage_logs columns or MCPHub activities) in the same transaction, verified by count and checksum.</source>
        <translation>在同一事务中一并导入此使用日志（JSON Lines：mcp_usage_logs 的列或 MCPHub 活动记录），并按行数和校验和验证。</translation>
    </message>
    <message>
        <source>Also load this access log (JSON lines with the access_logs columns).</source>
        <translation>一并导入此访问日志（含 access_logs 各列的 JSON Lines）。</translation>
    </message>
    <message>
        <source>note: %1 is the profile&apos;s bound settings file; this run reads it and does not write it back.</source>
        <translation>注意：%1 是该配置绑定的设置文件；本次运行只读取它，不会写回。</translation>
    </message>
    <message>
        <source>The migration failed: %1</source>
        <translation>迁移失败：%1</translation>
    </message>
    <message>
        <source>The dry run itself found nothing wrong.</source>
        <translation>试运行本身没有发现问题。</translation>
    </message>
    <message>
        <source>The migration itself completed (run %1).</source>
        <translation>迁移本身已完成（运行 %1）。</translation>
    </message>
    <message>
        <source>the report was not written: %1 %2</source>
        <translation>报告未写入：%1 %2</translation>
    </message>
    <message>
        <source>lost: </source>
        <translation>丢失：</translation>
    </message>
    <message>
        <source>id: </source>
        <translation>id：</translation>
    </message>
    <message>
        <source>kept: </source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>pruned: </source>
        <translation>已删除：</translation>
    </message>
    <message>
        <source>MCPHub&apos;s database: migrate although its tables have no place for what the plan lists as lost.</source>
        <translation>MCPHub 的数据库：即使其表无法存放计划中列为丢失的内容，也进行迁移。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s database: remove the rows of the file&apos;s entity types that the file does not describe (never the last user, never activities).</source>
        <translation>MCPHub 的数据库：删除文件中各实体类型里文件未描述的行（绝不删除最后一个用户，绝不删除活动记录）。</translation>
    </message>
</context>
<context>
    <name>MigrationHistory</name>
    <message>
        <source>Cannot read the migration history.</source>
        <translation>无法读取迁移历史。</translation>
    </message>
</context>
<context>
    <name>MigrationRollback</name>
    <message>
        <source>There is no migration run with this id. &quot;history&quot; lists them.</source>
        <translation>没有此编号的迁移运行。&quot;history&quot; 会列出所有运行。</translation>
    </message>
    <message>
        <source>Only a completed migration can be rolled back; this run is &quot;%1&quot; (%2).</source>
        <translation>只能回滚已完成的迁移；此运行为 &quot;%1&quot;（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows that this run wrote were changed later (by another run or an edit); rolling back would lose those changes, so nothing was changed. First: %1</source>
        <translation>
            <numerusform>此次运行写入的 %n 行后来被更改过（由另一次运行或编辑）；回滚会丢失这些更改，因此未做任何改动。第一处：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrationValidation</name>
    <message>
        <source>The settings file has an error that is not inside one record, so it cannot be skipped: %1 Repair the file; nothing was migrated.</source>
        <translation>设置文件中有一个不属于单条记录的错误，因此无法跳过：%1 请修复该文件；未迁移任何内容。</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>A key appears twice in one object (MCPHub would silently keep the last one). Remove or rename one; nothing was migrated.</source>
        <translation>同一对象中某个键出现了两次（MCPHub 会静默保留最后一个）。请删除或重命名其中一个；未迁移任何内容。</translation>
    </message>
    <message>
        <source>The database holds %1 where the file has %2.</source>
        <translation>数据库中为 %1，而文件中为 %2。</translation>
    </message>
    <message>
        <source>The file has this field; the database lost it.</source>
        <translation>文件中有此字段；数据库中丢失了它。</translation>
    </message>
    <message>
        <source>The database has this field; the file does not.</source>
        <translation>数据库中有此字段；文件中没有。</translation>
    </message>
    <message>
        <source>The fields are the same but in another order.</source>
        <translation>字段相同，但顺序不同。</translation>
    </message>
    <message>
        <source>Cannot read the settings file. Check the path and permissions.</source>
        <translation>无法读取设置文件。请检查路径和权限。</translation>
    </message>
    <message>
        <source>Cannot write the backup of the settings file. Free some disk space or choose another backup folder; nothing was migrated.</source>
        <translation>无法写入设置文件的备份。请释放磁盘空间或选择其他备份文件夹；未迁移任何内容。</translation>
    </message>
    <message>
        <source>Cannot write the reject file. Free some disk space or choose another path; nothing was migrated.</source>
        <translation>无法写入拒绝文件。请释放磁盘空间或选择其他路径；未迁移任何内容。</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>正在制定计划</translation>
    </message>
    <message>
        <source>The migration was cancelled.</source>
        <translation>迁移已取消。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the database with other content.</source>
        <translation>数据库中已有内容不同的 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>The top level of the file was not stored as read.</source>
        <translation>文件的顶层未按读取时的内容保存。</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>The entry is missing from the database.</source>
        <translation>数据库中缺少该条目。</translation>
    </message>
    <message numerus="yes">
        <source>Verification found %n differences between the file and what the database returned; the migration was rolled back. See the report for each field.</source>
        <translation>
            <numerusform>校验发现文件与数据库返回的内容之间有 %n 处差异；迁移已回滚。各字段详见报告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the settings file</source>
        <translation>正在读取设置文件</translation>
    </message>
    <message>
        <source>Backing up the settings file</source>
        <translation>正在备份设置文件</translation>
    </message>
    <message>
        <source>Validating</source>
        <translation>正在校验格式</translation>
    </message>
    <message>
        <source>Dry run finished; nothing was changed</source>
        <translation>试运行结束；未做任何更改</translation>
    </message>
    <message>
        <source>Recording the run</source>
        <translation>正在记录本次运行</translation>
    </message>
    <message>
        <source>Committing</source>
        <translation>正在提交</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cannot take back the rows of a log loaded before; nothing was migrated.</source>
        <translation>无法撤回之前已导入日志的行；未迁移任何内容。</translation>
    </message>
    <message>
        <source>the order of the top-level keys</source>
        <translation>顶层键的顺序</translation>
    </message>
    <message>
        <source>the top-level keys the console does not model</source>
        <translation>控制台未建模的顶层键</translation>
    </message>
    <message>
        <source>the file&apos;s layout</source>
        <translation>文件的排版</translation>
    </message>
    <message>
        <source>The policy &quot;fail&quot; stops the migration; &quot;skip&quot; keeps the database&apos;s top level, &quot;overwrite&quot; replaces it with this file&apos;s.</source>
        <translation>策略“fail”会停止迁移；“skip”保留数据库中的顶层内容，“overwrite”用此文件的顶层内容替换它。</translation>
    </message>
    <message>
        <source>The policy &quot;skip&quot; keeps the database&apos;s top level.</source>
        <translation>策略“skip”保留数据库中的顶层内容。</translation>
    </message>
    <message>
        <source>The policy &quot;overwrite&quot; replaces it with this file&apos;s.</source>
        <translation>策略“overwrite”用此文件的顶层内容替换它。</translation>
    </message>
    <message>
        <source>The database holds the top level of another settings file; what differs: %1. %2</source>
        <translation>数据库中保存的是另一个设置文件的顶层内容；不同之处：%1。%2</translation>
    </message>
    <message>
        <source>Skipping invalid records needs a reject file to keep them in.</source>
        <translation>跳过无效记录需要一个拒绝记录文件来保存它们。</translation>
    </message>
    <message numerus="yes">
        <source>%n records of the settings file are invalid; nothing was migrated. Repair them, or skip them and migrate the rest.</source>
        <translation>
            <numerusform>设置文件中有 %n 条记录无效；未迁移任何内容。请修复它们，或跳过它们并迁移其余记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines of the log files are invalid; nothing was migrated. Repair them, or skip them and migrate the rest.</source>
        <translation>
            <numerusform>日志文件中有 %n 行无效；未迁移任何内容。请修复它们，或跳过它们并迁移其余内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries are already in the database with other content; nothing was migrated.</source>
        <translation>
            <numerusform>有 %n 个条目已存在于数据库中且内容不同；未迁移任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage and access logs are not migrated into MCPHub&apos;s own database (its activities are written by the hubs); nothing was changed.</source>
        <translation>使用日志和访问日志不会迁移到 MCPHub 自己的数据库（其活动记录由集线器写入）；未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n records of the settings file do not fit MCPHub&apos;s tables; nothing was migrated. Repair them, or skip them and migrate the rest.</source>
        <translation>
            <numerusform>设置文件中有 %n 条记录不符合 MCPHub 的表；未迁移任何内容。请修复它们，或跳过它们并迁移其余部分。</numerusform>
        </translation>
    </message>
    <message>
        <source>MCPHub&apos;s database holds another value (%1.%2 of row %3).</source>
        <translation>MCPHub 的数据库中保存的是另一个值（行 %3 的 %1.%2）。</translation>
    </message>
    <message>
        <source>Not in the file: removed from %1 (row %2).</source>
        <translation>不在文件中：已从 %1 删除（行 %2）。</translation>
    </message>
    <message>
        <source>Not in the file: kept in %1 (row %2).</source>
        <translation>不在文件中：保留在 %1 中（行 %2）。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s users table would be empty: MCPHub then re-imports its own settings file at its next start. Add a user to the file (or do not prune them); nothing was migrated.</source>
        <translation>MCPHub 的 users 表将为空：MCPHub 会在下次启动时重新导入它自己的设置文件。请在文件中添加一个用户（或不要删除用户）；未迁移任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>MCPHub&apos;s tables have no place for %n parts of the settings file (the plan lists each); nothing was migrated.</source>
        <translation>
            <numerusform>MCPHub 的表无法存放设置文件中的 %n 处内容（计划中逐一列出）；未迁移任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>missing after the import</source>
        <translation>导入后缺失</translation>
    </message>
    <message>
        <source>MCPHub&apos;s column %1.%2 reads back another value</source>
        <translation>MCPHub 的列 %1.%2 读回的值不同</translation>
    </message>
    <message>
        <source>still there after pruning</source>
        <translation>删除后仍然存在</translation>
    </message>
    <message>
        <source>Another migration into this database is running; nothing was changed. Run this one again when it has finished.</source>
        <translation>另一个迁移正在写入此数据库；未做任何更改。请在它完成后重新运行本次迁移。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s column %1.%2 holds each value once, and row %3, which the file does not describe, has this one.</source>
        <translation>MCPHub 的列 %1.%2 中每个值只能出现一次，而文件未描述的行 %3 已有此值。</translation>
    </message>
    <message>
        <source>Cannot undo the import planned before the validation; nothing was migrated.</source>
        <translation>无法撤销在校验完成前规划的导入；未迁移任何内容。</translation>
    </message>
</context>
<context>
    <name>NameText</name>
    <message>
        <source>The name holds the invisible or control character %1 (character %2), which could make it look like another name in a list. Names must not hold line breaks, control or formatting characters.</source>
        <translation>名称含有不可见字符或控制字符 %1（第 %2 个字符），在列表中可能被误认为另一个名称。名称不能包含换行、控制字符或格式字符。</translation>
    </message>
</context>
<context>
    <name>OpenedWorkspace</name>
    <message>
        <source>The workspace is read-only, so the bound settings file %1 is not written either.</source>
        <translation>工作区为只读，因此也不会写入绑定的设置文件 %1。</translation>
    </message>
    <message>
        <source>The profile is bound to this settings file, which cannot be read, so the workspace was not opened: %1 Correct the file or restore one of its backups, or unbind the profile %2 from it.</source>
        <translation>该配置绑定了此设置文件，但它无法读取，因此未打开工作区：%1 请修正该文件或恢复其某个备份，或解除配置 %2 与它的绑定。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s database cannot be bound to a settings file: a hub in database mode does not read its settings file after the first start. Nothing was opened; unbind the profile %1.</source>
        <translation>MCPHub 的数据库不能绑定设置文件：以数据库模式运行的 hub 在首次启动后不再读取其设置文件。未打开任何内容；请解除配置 %1 的绑定。</translation>
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
    <message>
        <source>Replication</source>
        <translation>主备复制</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>%1: the replication state cannot be read: the workspace database is not open.</source>
        <translation>%1：无法读取主备复制状态：工作区数据库未打开。</translation>
    </message>
    <message>
        <source>%1 s, %2 bytes</source>
        <translation>%1 秒，%2 字节</translation>
    </message>
    <message>
        <source>%1 is a standby that receives nothing from its primary (%2); replay lag %3. Check the primary and the network between them.</source>
        <translation>%1 是备库，但未从其主库接收任何数据（%2）；回放延迟 %3。请检查主库以及二者之间的网络。</translation>
    </message>
    <message>
        <source>%1 is a standby of %2 replaying %3 behind; the threshold is %4.</source>
        <translation>%1 是 %2 的备库，回放落后 %3；阈值为 %4。</translation>
    </message>
    <message>
        <source>%1 is a standby of %2, replay lag %3.</source>
        <translation>%1 是 %2 的备库，回放延迟 %3。</translation>
    </message>
    <message>
        <source>%1 is a primary; no standby streams from it.</source>
        <translation>%1 是主库；没有备库从其流式复制。</translation>
    </message>
    <message>
        <source>%1 is a primary with %2 of %3 standby(s) streaming; %4 replay(s) more than %5 behind (worst %6).</source>
        <translation>%1 是主库，%3 个备库中有 %2 个正在流式复制；%4 个备库回放落后超过 %5（最差 %6）。</translation>
    </message>
    <message>
        <source>%1 is a primary with %2 of %3 standby(s) streaming, worst replay lag %4.</source>
        <translation>%1 是主库，%3 个备库中有 %2 个正在流式复制，最大回放延迟 %4。</translation>
    </message>
    <message>
        <source>Redis at %1 does not answer (%2). Start it, or check the profile&apos;s Redis URL; changes wait in the outbox meanwhile.</source>
        <translation>%1 上的 Redis 无应答（%2）。请启动它，或检查配置中的 Redis URL；在此期间变更在发件箱中等待。</translation>
    </message>
    <message>
        <source>Redis at %1 answers PING in %2 ms.</source>
        <translation>%1 上的 Redis 在 %2 毫秒内应答 PING。</translation>
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
    <name>PendingTableModel</name>
    <message>
        <source>This row was changed in the database since it was read (updated_at), by MCPHub or another console, so nothing was written. Your edits are kept: reload to see the change, then make them again.</source>
        <translation>此行在读取后已在数据库中被 MCPHub 或其他控制台更改（updated_at），因此未写入任何内容。您的编辑已保留：请重新加载查看更改，然后再次进行编辑。</translation>
    </message>
</context>
<context>
    <name>ProfileCommand</name>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
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
        <source>Removed profile %1.</source>
        <translation>已删除连接配置 %1。</translation>
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
        <source>dual-write: %1</source>
        <translation>双写：%1</translation>
    </message>
    <message>
        <source>list, add, remove, bind or unbind.</source>
        <translation>list、add、remove、bind 或 unbind。</translation>
    </message>
    <message>
        <source>%1: there is no connection profile with this name. List them with &quot;%2 profile list&quot;.</source>
        <translation>%1：没有此名称的连接配置。用“%2 profile list”列出所有配置。</translation>
    </message>
    <message>
        <source>Bound profile %1 to %2: every change saved through the profile is written to the database and to the file as one unit.</source>
        <translation>已将配置 %1 绑定到 %2：通过该配置保存的每项更改都会作为同一个单元写入数据库和该文件。</translation>
    </message>
    <message>
        <source>The file does not exist yet; the first change creates it with what the database holds.</source>
        <translation>该文件尚不存在；第一次更改会用数据库中的内容创建它。</translation>
    </message>
    <message>
        <source>Profile %1 is not bound to a settings file.</source>
        <translation>配置 %1 未绑定设置文件。</translation>
    </message>
    <message>
        <source>Unbound profile %1: changes no longer go to %2 (the file stays as it is).</source>
        <translation>已解除配置 %1 的绑定：更改不再写入 %2（该文件保持原样）。</translation>
    </message>
    <message>
        <source>say list, add NAME, remove NAME, bind NAME SETTINGS.json or unbind NAME. Run &quot;%1 profile --help&quot;.</source>
        <translation>请指定 list、add NAME、remove NAME、bind NAME SETTINGS.json 或 unbind NAME。运行“%1 profile --help”查看说明。</translation>
    </message>
    <message>
        <source>List, add, remove, bind or unbind connection profiles.</source>
        <translation>列出、添加、删除、绑定或解除绑定连接配置。</translation>
    </message>
    <message>
        <source>Manage saved connection profiles. Passwords go to the system keychain only.
  list                                   the profiles
  add NAME --sqlite PATH | --pg CONNINFO  save a profile (replaces one of that name)
  add NAME --hub-db CONNINFO             save a profile of MCPHub&apos;s own database
  remove NAME                            delete a profile and its password
  bind NAME SETTINGS.json                dual-write: every change saved through the
                                         profile also goes to this MCPHub settings
                                         file, in the same unit (a failed file save
                                         rolls the database back)
  unbind NAME                            stop writing the settings file</source>
        <translation>管理已保存的连接配置。密码只保存在系统钥匙串中。
  list                                   列出配置
  add NAME --sqlite PATH | --pg CONNINFO  保存配置（替换同名配置）
  add NAME --hub-db CONNINFO             保存 MCPHub 自己数据库的配置
  remove NAME                            删除配置及其密码
  bind NAME SETTINGS.json                双写：通过该配置保存的每项更改也写入
                                         此 MCPHub 设置文件，作为同一个单元
                                         （文件保存失败时数据库回滚）
  unbind NAME                            停止写入该设置文件</translation>
    </message>
    <message>
        <source>MCPHub&apos;s own PostgreSQL database (a hub in database mode): a connection string or URI.</source>
        <translation>MCPHub 自己的 PostgreSQL 数据库（以数据库模式运行的 hub）：连接字符串或 URI。</translation>
    </message>
    <message>
        <source>%1 is MCPHub&apos;s own database, which cannot be bound to a settings file: a hub in database mode does not read its settings file after the first start.</source>
        <translation>%1 是 MCPHub 自己的数据库，不能绑定设置文件：以数据库模式运行的 hub 在首次启动后不再读取其设置文件。</translation>
    </message>
    <message>
        <source>give one of --sqlite PATH, --pg CONNINFO and --hub-db CONNINFO.</source>
        <translation>请给出 --sqlite PATH、--pg CONNINFO 和 --hub-db CONNINFO 中的一个。</translation>
    </message>
    <message>
        <source>monitor: %1</source>
        <translation>监控节点：%1</translation>
    </message>
    <message>
        <source>PostgreSQL: the conninfo of the pg_auto_failover monitor of the server&apos;s formation (shown by &quot;db replication&quot; and the Replication page).</source>
        <translation>PostgreSQL：该服务器所在集群编队 (formation) 的 pg_auto_failover 监控节点的 conninfo（由“db replication”和“复制”页面显示）。</translation>
    </message>
    <message>
        <source>--monitor: only a PostgreSQL profile has a formation.</source>
        <translation>--monitor：只有 PostgreSQL 连接配置才有集群编队 (formation)。</translation>
    </message>
    <message>
        <source>Publish this workspace&apos;s changes to this Redis: redis://host:port[/db].</source>
        <translation>将此工作区的更改发布到此 Redis：redis://host:port[/db]。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>连接配置名称由 1 到 64 个字母、数字、“.”、“_”或“-”组成，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>Cannot write the profile settings. Check the permissions of the settings file.</source>
        <translation>无法写入连接配置。请检查设置文件的权限。</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the password of profile &quot;%1&quot; is kept in memory for this session only and will be asked for again next time (%2).</source>
        <translation>系统钥匙串不可用，因此连接配置“%1”的密码仅在本次会话中保存在内存里，下次会再次询问（%2）。</translation>
    </message>
    <message>
        <source>There is no connection profile with this name. List them with &quot;mcphub-adminctl profile list&quot;.</source>
        <translation>没有此名称的连接配置。可用 &quot;mcphub-adminctl profile list&quot; 列出全部配置。</translation>
    </message>
    <message>
        <source>The password of profile &quot;%1&quot; could not be read from the system keychain: %2</source>
        <translation>无法从系统钥匙串读取连接配置“%1”的密码：%2</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>(set; --reveal shows it)</source>
        <translation>（已设置；使用 --reveal 显示）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not FIELD=VALUE with a field of %2: %3.</source>
        <translation>“%1”不是 FIELD=VALUE 格式，或其字段不属于 %2：%3。</translation>
    </message>
    <message>
        <source>cannot read %1 for %2: %3</source>
        <translation>无法为 %2 读取 %1：%3</translation>
    </message>
    <message>
        <source>List, show, add, change and remove %1 of the workspace, by %2.
  list                          every row, without secrets
  show KEY [--reveal]           every field of one row
  add KEY [FIELD=VALUE...]      add a row
  set KEY FIELD=VALUE...        change fields (FIELD= clears one)
  remove KEY                    delete a row
Fields: %3. JSON fields take JSON text; FIELD=@FILE reads a long text or JSON from FILE. In MCPHub&apos;s database only the changed columns are written, with updated_at = now().</source>
        <translation>按 %2 列出、显示、添加、更改和删除工作区中的 %1。
  list                          列出所有行，不含机密
  show KEY [--reveal]           显示某一行的所有字段
  add KEY [FIELD=VALUE...]      添加一行
  set KEY FIELD=VALUE...        更改字段（FIELD= 清空该字段）
  remove KEY                    删除一行
字段：%3。JSON 字段接受 JSON 文本；FIELD=@FILE 从 FILE 读取长文本或 JSON。在 MCPHub 的数据库中只写入更改过的列，并设置 updated_at = now()。</translation>
    </message>
    <message>
        <source>show: print secrets too.</source>
        <translation>show：同时输出机密。</translation>
    </message>
    <message>
        <source>add, set: read the secret field from the first line of standard input.</source>
        <translation>add、set：从标准输入的第一行读取机密字段。</translation>
    </message>
    <message>
        <source>list, show, add, set or remove.</source>
        <translation>list、show、add、set 或 remove。</translation>
    </message>
    <message>
        <source>say list, show KEY, add KEY [FIELD=VALUE...], set KEY FIELD=VALUE... or remove KEY. Run &quot;%1 %2 --help&quot;.</source>
        <translation>请指定 list、show KEY、add KEY [FIELD=VALUE...]、set KEY FIELD=VALUE... 或 remove KEY。运行“%1 %2 --help”查看帮助。</translation>
    </message>
    <message>
        <source>cannot read the secret from standard input.</source>
        <translation>无法从标准输入读取机密。</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>%1 has no &quot;%2&quot;.</source>
        <translation>%1 中没有“%2”。</translation>
    </message>
    <message>
        <source>Added %1 to %2.</source>
        <translation>已将 %1 添加到 %2。</translation>
    </message>
    <message>
        <source>Changed %1 in %2.</source>
        <translation>已在 %2 中更改 %1。</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>已从 %2 中删除 %1。</translation>
    </message>
    <message>
        <source>Saved to the bound settings file %1 too.</source>
        <translation>也已保存到绑定的设置文件 %1。</translation>
    </message>
    <message>
        <source>List, show, add, change and remove %1.</source>
        <translation>列出、显示、添加、更改和删除 %1。</translation>
    </message>
</context>
<context>
    <name>RecordEntity</name>
    <message>
        <source>OAuth clients</source>
        <translation>OAuth 客户端</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>重定向 URI</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>授权类型</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>作用域</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>MIME type</source>
        <translation>MIME 类型</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>User configs</source>
        <translation>用户配置</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Other settings</source>
        <translation>其他设置</translation>
    </message>
    <message>
        <source>a JSON array</source>
        <translation>JSON 数组</translation>
    </message>
    <message>
        <source>a JSON array of strings</source>
        <translation>由字符串组成的 JSON 数组</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套过深</translation>
    </message>
    <message>
        <source>a NUL byte</source>
        <translation>含有 NUL 字节</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>%1 is %2 at line %3, column %4; nothing was written.</source>
        <translation>%1 在第 %3 行第 %4 列处%2；未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 must be %2 for MCPHub; nothing was written.</source>
        <translation>MCPHub 要求 %1 为 %2；未写入任何内容。</translation>
    </message>
    <message>
        <source>SQL NULL where MCPHub expects %1.</source>
        <translation>值为 SQL NULL，而 MCPHub 需要 %1。</translation>
    </message>
    <message>
        <source>The stored text is %1 at line %2, column %3, so MCPHub cannot load this row. Enter a new value to replace it.</source>
        <translation>存储的文本在第 %2 行第 %3 列处%1，因此 MCPHub 无法加载此行。请输入新值以替换它。</translation>
    </message>
    <message>
        <source>The stored value is not %1, which MCPHub expects. Enter a new value to replace it.</source>
        <translation>存储的值不是 MCPHub 所需的 %1。请输入新值以替换它。</translation>
    </message>
</context>
<context>
    <name>RecordRepository</name>
    <message>
        <source>%1 is true or false; nothing was written.</source>
        <translation>%1 只能是 true 或 false；未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 must not be empty; nothing was written.</source>
        <translation>%1 不能为空；未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 has no field &quot;%2&quot;; its fields are %3. Nothing was written.</source>
        <translation>%1 没有字段“%2”；其字段为 %3。未写入任何内容。</translation>
    </message>
    <message>
        <source>It holds a routing of its own, which MCPHub reads instead of the routing column. Set the routing to replace both.</source>
        <translation>它自带一份路由设置，MCPHub 会读取它而非 routing 列。设置路由即可同时替换两者。</translation>
    </message>
    <message>
        <source>Several rows of %1 are named &quot;%2&quot;; change them in the settings file.</source>
        <translation>%1 中有多行名为“%2”；请在设置文件中更改它们。</translation>
    </message>
    <message>
        <source>%1 has no &quot;%2&quot;; nothing was written.</source>
        <translation>%1 中没有“%2”；未写入任何内容。</translation>
    </message>
    <message>
        <source>This row was changed in the database since it was read (updated_at), by MCPHub or another console, so nothing was written. Your edits are kept: reload to see the change, then make them again.</source>
        <translation>自读取以来，此行已在数据库中被 MCPHub 或其他控制台更改（updated_at），因此未写入任何内容。您的编辑已保留：请重新加载以查看更改，然后重新进行编辑。</translation>
    </message>
    <message>
        <source>%1 needs %2; nothing was written.</source>
        <translation>%1 需要 %2；未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 already has &quot;%2&quot;; nothing was written.</source>
        <translation>%1 中已有“%2”；未写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot read the table.</source>
        <translation>无法读取该表。</translation>
    </message>
</context>
<context>
    <name>RedisClient</name>
    <message>
        <source>&quot;%1&quot; is not a Redis URL (redis://host:port[/db]): %2</source>
        <translation>“%1”不是 Redis URL（redis://host:port[/db]）：%2</translation>
    </message>
    <message>
        <source>the scheme must be redis://</source>
        <translation>协议必须是 redis://</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>没有主机</translation>
    </message>
    <message>
        <source>user, password, query and fragment are not supported</source>
        <translation>不支持用户、密码、查询参数和片段</translation>
    </message>
    <message>
        <source>the database must be a number</source>
        <translation>数据库必须是数字</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>%1 (Redis at %2): %3</source>
        <translation>%1（Redis 位于 %2）：%3</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Cannot set the timeout</source>
        <translation>无法设置超时</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>Redis refused %1: %2</source>
        <translation>Redis 拒绝了 %1：%2</translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation>无法发送</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connection closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>Unreadable reply</source>
        <translation>无法读取的回复</translation>
    </message>
</context>
<context>
    <name>RedisOutbox</name>
    <message>
        <source>Cannot read the outbox.</source>
        <translation>无法读取发件箱。</translation>
    </message>
    <message>
        <source>Cannot lock the outbox.</source>
        <translation>无法锁定发件箱。</translation>
    </message>
    <message>
        <source>Cannot clear the delivered changes from the outbox.</source>
        <translation>无法从发件箱中清除已送达的更改。</translation>
    </message>
</context>
<context>
    <name>ReplicationAlertPolicy</name>
    <message>
        <source>%1 s, %2 bytes</source>
        <translation>%1 秒，%2 字节</translation>
    </message>
    <message>
        <source>the threshold is %1 s or %2 bytes</source>
        <translation>阈值为 %1 秒或 %2 字节</translation>
    </message>
    <message>
        <source>Standby %1 is streaming</source>
        <translation>备库 %1 正在流式复制</translation>
    </message>
    <message>
        <source>Standby %1 streams from %2 again (%3).</source>
        <translation>备库 %1 已重新从 %2 流式复制（%3）。</translation>
    </message>
    <message>
        <source>Standby %1 lags behind</source>
        <translation>备库 %1 落后</translation>
    </message>
    <message>
        <source>Standby %1 of %2 replays %3 behind; %4.</source>
        <translation>%2 的备库 %1 回放落后 %3；%4。</translation>
    </message>
    <message>
        <source>Standby %1 caught up</source>
        <translation>备库 %1 已追上</translation>
    </message>
    <message>
        <source>Standby %1 of %2 replays %3 behind again.</source>
        <translation>%2 的备库 %1 的回放落后量已恢复为 %3。</translation>
    </message>
    <message>
        <source>Standby %1 disappeared</source>
        <translation>备库 %1 已消失</translation>
    </message>
    <message>
        <source>Standby %1 no longer streams from %2: it stopped, or lost its connection.</source>
        <translation>备库 %1 不再从 %2 流式复制：它已停止，或已断开连接。</translation>
    </message>
    <message>
        <source>Standby %1 lost its primary</source>
        <translation>备库 %1 失去了主库</translation>
    </message>
    <message>
        <source>Standby %1 receives nothing from its primary (%2).</source>
        <translation>备库 %1 未从其主库（%2）接收到任何数据。</translation>
    </message>
    <message>
        <source>Standby %1 streams again</source>
        <translation>备库 %1 已恢复流式复制</translation>
    </message>
    <message>
        <source>Standby %1 streams from %2 again.</source>
        <translation>备库 %1 已重新从 %2 流式复制。</translation>
    </message>
    <message>
        <source>Standby %1 replays %2 behind %3; %4.</source>
        <translation>备库 %1 的回放比 %3 落后 %2；%4。</translation>
    </message>
    <message>
        <source>Standby %1 replays %2 behind again.</source>
        <translation>备库 %1 的回放落后量已恢复为 %2。</translation>
    </message>
</context>
<context>
    <name>ReplicationPage</name>
    <message>
        <source>%1 B · %2 s</source>
        <translation>%1 B · %2 秒</translation>
    </message>
</context>
<context>
    <name>ReplicationStatus</name>
    <message>
        <source>Cannot read the replication status (%1).</source>
        <translation>无法读取复制状态（%1）。</translation>
    </message>
    <message>
        <source>an unknown primary</source>
        <translation>未知的主库</translation>
    </message>
    <message>
        <source>Standby of %1 — replay lag %2 s</source>
        <translation>%1 的备库 — 回放延迟 %2 秒</translation>
    </message>
    <message>
        <source>Standby of %1 — replay lag unknown</source>
        <translation>%1 的备库 — 回放延迟未知</translation>
    </message>
    <message>
        <source>pg_auto_failover monitor</source>
        <translation>pg_auto_failover 监控节点</translation>
    </message>
    <message>
        <source>pg_auto_failover monitor %1</source>
        <translation>pg_auto_failover 监控节点 %1</translation>
    </message>
    <message>
        <source>Cannot read the formation&apos;s nodes (pgautofailover.node). Is this the monitor&apos;s database (pg_auto_failover)?</source>
        <translation>无法读取集群编队 (formation) 的节点（pgautofailover.node）。这是监控节点的数据库（pg_auto_failover）吗？</translation>
    </message>
    <message>
        <source>%1 s or %2 bytes</source>
        <translation>%1 秒或 %2 字节</translation>
    </message>
    <message>
        <source>The workspace is closed.</source>
        <translation>工作区已关闭。</translation>
    </message>
    <message>
        <source>Cannot connect to read the replication status.</source>
        <translation>无法连接以读取复制状态。</translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>The workspace is open read-only, so %1 was not changed. Use a profile that is not read-only (or a console that knows this database&apos;s schema).</source>
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
    <message>
        <source>Cannot read the table.</source>
        <translation>无法读取该表。</translation>
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
        <source>Cannot read the database&apos;s schema version.</source>
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
    <message>
        <source>Cannot read the database&apos;s tables.</source>
        <translation>无法读取数据库中的表。</translation>
    </message>
    <message>
        <source>This is MCPHub&apos;s own database (a hub in database mode keeps its tables here): the console&apos;s schema cannot be created beside them, and MCPHub would alter it at its next start. Nothing was changed. Give the console a database of its own.</source>
        <translation>这是 MCPHub 自己的数据库（数据库模式下的 Hub 把它的表保存在这里）：控制台的架构不能创建在这些表旁边，否则 MCPHub 下次启动时会修改它。未做任何更改。请为控制台使用单独的数据库。</translation>
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
    <name>ServerCommand</name>
    <message>
        <source>List, add, change, rename and remove the MCP servers a hub offers.
  list                        the servers: name, type, enabled, command or URL
  show NAME                   every field of a server
  add NAME --type T [--command C] [--arg A]... [--url U] [--env K=V]...
          [--header K=V]... [--description D] [--owner O] [--disabled]
                              add a server (MCPHub&apos;s rules for its type)
  set NAME FIELD=VALUE...     change fields: type, enabled, description, owner,
                              command, args, env, url, headers, passthroughHeaders,
                              enableKeepAlive, keepAliveInterval, openapiUrl,
                              openapiSchema, openapiSecurity, tools; lists as JSON
                              arrays (&apos;args=[&quot;-y&quot;,&quot;pkg&quot;]&apos;), objects as JSON
                              objects, true/false, an empty value clears a field
  enable NAME | disable NAME  turn a server on or off
  rename OLD NEW              rename a server, and in the groups and bearer keys
                              that name it (as MCPHub&apos;s own rename)
  remove NAME                 delete a server</source>
        <translation>列出、添加、更改、重命名和删除集线器提供的 MCP 服务器。
  list                        列出服务器：名称、类型、是否启用、命令或 URL
  show NAME                   显示服务器的所有字段
  add NAME --type T [--command C] [--arg A]... [--url U] [--env K=V]...
          [--header K=V]... [--description D] [--owner O] [--disabled]
                              添加服务器（遵循 MCPHub 对该类型的规则）
  set NAME FIELD=VALUE...     更改字段：type、enabled、description、owner、
                              command、args、env、url、headers、passthroughHeaders、
                              enableKeepAlive、keepAliveInterval、openapiUrl、
                              openapiSchema、openapiSecurity、tools；列表写作 JSON
                              数组（&apos;args=[&quot;-y&quot;,&quot;pkg&quot;]&apos;），对象写作 JSON
                              对象，布尔值写作 true/false，空值清空该字段
  enable NAME | disable NAME  启用或禁用服务器
  rename OLD NEW              重命名服务器，并同步修改引用它的分组和 Bearer 密钥
                              （与 MCPHub 自身的重命名一致）
  remove NAME                 删除服务器</translation>
    </message>
    <message>
        <source>add: stdio, sse, streamable-http or openapi.</source>
        <translation>add：stdio、sse、streamable-http 或 openapi。</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>add: the program a stdio server runs.</source>
        <translation>add：stdio 服务器运行的程序。</translation>
    </message>
    <message>
        <source>program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>add: one argument of the program (repeat for each).</source>
        <translation>add：程序的一个参数（可重复指定多个）。</translation>
    </message>
    <message>
        <source>argument</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>add: where an sse or streamable-http server is (an openapi server: its specification).</source>
        <translation>add：sse 或 streamable-http 服务器的地址（对 openapi 服务器而言：其规范的地址）。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>add: one environment variable of the program (repeat).</source>
        <translation>add：程序的一个环境变量（可重复指定）。</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>add: one request header sent upstream (repeat).</source>
        <translation>add：发往上游的一个请求头（可重复指定）。</translation>
    </message>
    <message>
        <source>NAME=VALUE</source>
        <translation>NAME=VALUE</translation>
    </message>
    <message>
        <source>add: the description.</source>
        <translation>add：描述。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>add: the owning user.</source>
        <translation>add：所属用户。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>add: the new server starts disabled.</source>
        <translation>add：新服务器初始为禁用状态。</translation>
    </message>
    <message>
        <source>list, show, add, set, enable, disable, rename or remove.</source>
        <translation>list、show、add、set、enable、disable、rename 或 remove。</translation>
    </message>
    <message>
        <source>say list, show NAME, add NAME, set NAME FIELD=VALUE..., enable NAME, disable NAME, rename OLD NEW or remove NAME. Run &quot;%1 server --help&quot;.</source>
        <translation>请指定 list、show NAME、add NAME、set NAME FIELD=VALUE...、enable NAME、disable NAME、rename OLD NEW 或 remove NAME。运行“%1 server --help”查看帮助。</translation>
    </message>
    <message>
        <source>--%1 goes with &quot;server add&quot;; change a server with &quot;server set NAME FIELD=VALUE&quot;.</source>
        <translation>--%1 用于“server add”；要更改服务器，请使用“server set NAME FIELD=VALUE”。</translation>
    </message>
    <message>
        <source>say the type: --type stdio, sse, streamable-http or openapi.</source>
        <translation>请指定类型：--type stdio、sse、streamable-http 或 openapi。</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>There is no MCP server named %1 (%2).</source>
        <translation>没有名为 %1 的 MCP 服务器（%2）。</translation>
    </message>
    <message>
        <source>There is no MCP server named %1 (%2); &quot;server list&quot; shows them.</source>
        <translation>没有名为 %1 的 MCP 服务器（%2）；“server list”可列出所有服务器。</translation>
    </message>
    <message>
        <source>A server with this name exists already; nothing was added.</source>
        <translation>已存在同名服务器；未添加任何内容。</translation>
    </message>
    <message>
        <source>A %1 server has no %2; MCPHub would not use it.</source>
        <translation>%1 服务器没有 %2；MCPHub 不会使用它。</translation>
    </message>
    <message>
        <source>Added server %1.</source>
        <translation>已添加服务器 %1。</translation>
    </message>
    <message>
        <source>Changed server %1.</source>
        <translation>已更改服务器 %1。</translation>
    </message>
    <message>
        <source>Enabled server %1.</source>
        <translation>已启用服务器 %1。</translation>
    </message>
    <message>
        <source>Disabled server %1.</source>
        <translation>已禁用服务器 %1。</translation>
    </message>
    <message>
        <source>The new name is empty.</source>
        <translation>新名称为空。</translation>
    </message>
    <message>
        <source>Renamed server %1 to %2, in its groups and bearer keys too.</source>
        <translation>已将服务器 %1 重命名为 %2，其所在分组和 Bearer 密钥中的引用也已同步更新。</translation>
    </message>
    <message>
        <source>Removed server %1.</source>
        <translation>已删除服务器 %1。</translation>
    </message>
    <message>
        <source>List, add, change, rename and remove MCP servers.</source>
        <translation>列出、添加、更改、重命名和删除 MCP 服务器。</translation>
    </message>
</context>
<context>
    <name>ServerEntry</name>
    <message>
        <source>server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>A server&apos;s entry is one JSON object: { &quot;command&quot;: ... }.</source>
        <translation>服务器条目是一个 JSON 对象：{ &quot;command&quot;: ... }。</translation>
    </message>
</context>
<context>
    <name>ServerFinder</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未能及时应答。</translation>
    </message>
    <message>
        <source>The connection&apos;s parameters cannot be read.</source>
        <translation>无法读取该连接的参数。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>no answer within %1 s.</source>
        <translation>%1 秒内没有应答。</translation>
    </message>
    <message>
        <source>the name does not resolve (%1).</source>
        <translation>名称无法解析（%1）。</translation>
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
    <name>ServerTableModel</name>
    <message>
        <source>A server named &quot;%1&quot; already exists. Choose another name.</source>
        <translation>已存在名为“%1”的服务器。请换一个名称。</translation>
    </message>
    <message>
        <source>The server &quot;%1&quot; was deleted meanwhile (by another console?). Revert this row or add it again.</source>
        <translation>服务器“%1”在此期间已被删除（可能是另一个控制台？）。请还原此行或重新添加。</translation>
    </message>
    <message>
        <source>A running hub starts, stops or reloads a server changed in its database only when told: the hubs registered under Hubs in this workspace are told now; toggle or reload the server in the dashboard of any other hub on this database, or restart it.</source>
        <translation>正在运行的集线器只有在收到通知时，才会启动、停止或重新加载在其数据库中被更改的服务器：本工作区“集线器”下登记的集线器现已收到通知；对于使用此数据库的其他集线器，请在其控制台面板中切换或重新加载该服务器，或重启该集线器。</translation>
    </message>
    <message>
        <source>A tool override has no tool name.</source>
        <translation>有一个工具覆盖项没有工具名称。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <source>The type &quot;%1&quot; is unknown; MCPHub knows stdio, sse, streamable-http and openapi.</source>
        <translation>类型“%1”未知；MCPHub 支持 stdio、sse、streamable-http 和 openapi。</translation>
    </message>
    <message>
        <source>A stdio server needs a command.</source>
        <translation>stdio 服务器需要命令。</translation>
    </message>
    <message>
        <source>MCPHub refuses headers on a stdio server.</source>
        <translation>MCPHub 不允许为 stdio 服务器设置请求头。</translation>
    </message>
    <message>
        <source>An OpenAPI server needs a URL or an inline schema.</source>
        <translation>OpenAPI 服务器需要 URL 或内联架构。</translation>
    </message>
    <message>
        <source>This is not an http:// or https:// URL.</source>
        <translation>这不是 http:// 或 https:// URL。</translation>
    </message>
    <message>
        <source>The inline schema is not a JSON object.</source>
        <translation>内联架构不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The security block is not a JSON object.</source>
        <translation>安全配置块不是 JSON 对象。</translation>
    </message>
    <message>
        <source>An %1 server needs a URL.</source>
        <translation>%1 服务器需要 URL。</translation>
    </message>
    <message>
        <source>The keep-alive interval is a whole number of milliseconds.</source>
        <translation>保活间隔须为整数毫秒。</translation>
    </message>
</context>
<context>
    <name>SettingsBackups</name>
    <message>
        <source>Could not make the backup copy, so the file was not changed. Check that the folder is writable and not full.</source>
        <translation>无法创建备份，因此文件未被修改。请检查文件夹是否可写、磁盘是否已满。</translation>
    </message>
    <message>
        <source>There is no backup &quot;%1&quot; of this file. List the backups to see their names.</source>
        <translation>此文件没有名为 &quot;%1&quot; 的备份。请列出备份查看它们的名称。</translation>
    </message>
    <message>
        <source>The backup cannot be restored: %1</source>
        <translation>无法恢复该备份：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDocument</name>
    <message>
        <source>The file is empty. MCPHub cannot read it and would start with no servers and a new admin user. Restore a backup, or write at least {&quot;mcpServers&quot;: {}}.</source>
        <translation>文件为空。MCPHub 无法读取它，启动时将没有任何服务器，并新建一个 admin 用户。请恢复备份，或至少写入 {&quot;mcpServers&quot;: {}}。</translation>
    </message>
    <message>
        <source>The file starts with a byte order mark (BOM), which MCPHub&apos;s JSON reader rejects. Save the file as UTF-8 without a BOM.</source>
        <translation>文件以字节顺序标记（BOM）开头，MCPHub 的 JSON 读取器会拒绝它。请将文件另存为不带 BOM 的 UTF-8。</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 (byte 0x%1). MCPHub would replace such bytes and lose the characters. Convert the file to UTF-8, for example with iconv, then check the text.</source>
        <translation>文件不是有效的 UTF-8（字节 0x%1）。MCPHub 会替换这类字节，导致字符丢失。请将文件转换为 UTF-8（例如使用 iconv），然后检查文本。</translation>
    </message>
    <message>
        <source>The file ends in the middle of the JSON; it may have been cut off by an interrupted write. Restore a backup, or complete the file.</source>
        <translation>文件在 JSON 中途结束；可能是写入被中断而截断。请恢复备份，或补全文件。</translation>
    </message>
    <message>
        <source>A comma comes before &quot;%1&quot;: JSON does not allow trailing commas. Remove the comma.</source>
        <translation>&quot;%1&quot; 前面有一个逗号：JSON 不允许末尾逗号。请删除该逗号。</translation>
    </message>
    <message>
        <source>There is more text after the end of the JSON document. Remove it.</source>
        <translation>JSON 文档结束后还有多余的文本。请删除它。</translation>
    </message>
    <message>
        <source>A \u escape holds half of a UTF-16 surrogate pair, which the console cannot keep. Write the whole character instead.</source>
        <translation>一个 \u 转义只包含 UTF-16 代理对的一半，控制台无法保留它。请改写为完整的字符。</translation>
    </message>
    <message>
        <source>The file is not valid JSON here. Correct the syntax (JSON has no comments, single quotes or trailing commas).</source>
        <translation>文件在此处不是有效的 JSON。请修正语法（JSON 不支持注释、单引号或末尾逗号）。</translation>
    </message>
    <message>
        <source>A number is too large to represent; MCPHub would turn it into null. Correct the number.</source>
        <translation>数字太大，无法表示；MCPHub 会把它变成 null。请修正该数字。</translation>
    </message>
    <message>
        <source>The file holds a NUL byte (0x00), which JSON does not allow anywhere (inside a string it is written \u0000). The file is probably damaged; remove the byte or restore a backup.</source>
        <translation>文件含有 NUL 字节（0x00），JSON 在任何位置都不允许它（在字符串中应写作 \u0000）。文件可能已损坏；请删除该字节或恢复备份。</translation>
    </message>
    <message>
        <source>Arrays and objects are nested more than %1 levels deep here (at %2). No MCPHub setting needs that; the console refuses such files to stay safe from them. Remove the nesting.</source>
        <translation>此处数组和对象的嵌套超过 %1 层（位于 %2）。MCPHub 的任何设置都不需要这么深；为安全起见，控制台拒绝此类文件。请去掉多余的嵌套。</translation>
    </message>
</context>
<context>
    <name>SettingsEntities</name>
    <message>
        <source>servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>bearer keys</source>
        <translation>Bearer 密钥</translation>
    </message>
    <message>
        <source>system settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>user configurations</source>
        <translation>用户配置</translation>
    </message>
    <message>
        <source>OAuth clients</source>
        <translation>OAuth 客户端</translation>
    </message>
    <message>
        <source>OAuth tokens</source>
        <translation>OAuth 令牌</translation>
    </message>
    <message>
        <source>prompts</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>resources</source>
        <translation>资源</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The file does not exist. Check the path.</source>
        <translation>文件不存在。请检查路径。</translation>
    </message>
    <message>
        <source>Cannot reach the file. Check the path and the permissions of its folders.</source>
        <translation>无法访问该文件。请检查路径及其所在文件夹的权限。</translation>
    </message>
    <message>
        <source>This is a folder, not a file. Give the path of the settings file itself, such as %1/mcp_settings.json.</source>
        <translation>这是一个文件夹，而不是文件。请给出设置文件本身的路径，例如 %1/mcp_settings.json。</translation>
    </message>
    <message>
        <source>This is not a regular file (it may be a pipe or a device). Give the path of the settings file itself.</source>
        <translation>这不是普通文件（可能是管道或设备）。请给出设置文件本身的路径。</translation>
    </message>
    <message>
        <source>The file is %1 MB, more than the %2 MB a settings file may have. It is probably not a settings file, or something filled it by mistake. Check it; the console does not open it.</source>
        <translation>文件大小为 %1 MB，超过设置文件允许的 %2 MB。它可能不是设置文件，或者被误写入了大量内容。请检查它；控制台不会打开它。</translation>
    </message>
    <message>
        <source>Cannot open the file for reading. Check its permissions.</source>
        <translation>无法打开文件进行读取。请检查其权限。</translation>
    </message>
    <message>
        <source>Could not read the whole file.</source>
        <translation>无法读取整个文件。</translation>
    </message>
</context>
<context>
    <name>SettingsFileBinding</name>
    <message>
        <source>The folder of the settings file does not exist. Give the path of an MCPHub settings file, or of a new one in an existing folder.</source>
        <translation>设置文件所在的文件夹不存在。请给出一个 MCPHub 设置文件的路径，或现有文件夹中一个新文件的路径。</translation>
    </message>
    <message>
        <source>This is a folder; give the path of a settings file.</source>
        <translation>这是一个文件夹；请给出设置文件的路径。</translation>
    </message>
    <message>
        <source>The file does not exist yet; the first change saved creates it with what the database holds.</source>
        <translation>该文件尚不存在；第一次保存的更改会用数据库中的内容创建它。</translation>
    </message>
    <message numerus="yes">
        <source>The bound settings file %1 differs from the database in %n place(s). The database is the source of truth: the next change saved rewrites the whole file with what the database holds.</source>
        <translation>
            <numerusform>绑定的设置文件 %1 与数据库有 %n 处不同。以数据库为准：下一次保存的更改会用数据库中的内容重写整个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more.</source>
        <translation>
            <numerusform>  …… 还有 %n 处。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not saved, so the change was not saved in the database either: %2</source>
        <translation>%1 未能保存，因此该更改也未保存到数据库：%2</translation>
    </message>
    <message>
        <source>A change committed to the database could not be written to the settings file: its new content could not replace it. Check the folder&apos;s permissions.</source>
        <translation>已提交到数据库的更改无法写入设置文件：新内容无法替换它。请检查文件夹的权限。</translation>
    </message>
    <message>
        <source>The change was saved in the database, but %1 could not be replaced with it: %2 The new content waits beside the file and replaces it when the workspace is opened next.</source>
        <translation>更改已保存到数据库，但无法用它替换 %1：%2 新内容暂存在该文件旁边，下次打开工作区时会替换它。</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was loaded or last saved (MCPHub or another console wrote it), so the change was not saved in the database either.</source>
        <translation>%1 自加载或上次保存以来已在磁盘上被更改（MCPHub 或另一个控制台写入了它），因此这次更改也未保存到数据库。</translation>
    </message>
</context>
<context>
    <name>SettingsFileLock</name>
    <message>
        <source>Cannot create the lock file in the folder %1: the folder is read-only or not writable for you. Saving safely needs a writable folder. The file was not changed.</source>
        <translation>无法在文件夹 %1 中创建锁文件：该文件夹是只读的，或你没有写权限。安全保存需要可写的文件夹。文件未被修改。</translation>
    </message>
    <message>
        <source>Cannot create the lock file; the folder may be missing or the disk full. The file was not changed.</source>
        <translation>无法创建锁文件；文件夹可能不存在，或磁盘已满。文件未被修改。</translation>
    </message>
    <message>
        <source>Another program holds the lock of this settings file: %1, process %2 on %3. Waited %4 s. Try again when it has finished; if that process no longer runs, delete the lock file.</source>
        <translation>另一个程序持有此设置文件的锁：%1，进程 %2，主机 %3。已等待 %4 秒。请在它结束后重试；如果该进程已不再运行，请删除锁文件。</translation>
    </message>
    <message>
        <source>unknown program</source>
        <translation>未知程序</translation>
    </message>
    <message>
        <source>an unknown host</source>
        <translation>未知主机</translation>
    </message>
</context>
<context>
    <name>SettingsFileStore</name>
    <message>
        <source>The settings have errors (%1), so they were not saved. Correct them first.</source>
        <translation>设置中有错误（%1 个），因此未保存。请先修正它们。</translation>
    </message>
    <message>
        <source>The settings have no file to be saved to. Choose a file.</source>
        <translation>这些设置没有可保存到的文件。请选择一个文件。</translation>
    </message>
    <message>
        <source>The file was deleted or moved since it was loaded. Your changes were not saved; save again with force to create it anew.</source>
        <translation>文件在加载后被删除或移动。你的修改未保存；请强制保存以重新创建它。</translation>
    </message>
    <message>
        <source>A file already exists here and was not loaded. It was not replaced: load it first, or save with force to replace it (its content is kept as a backup).</source>
        <translation>此处已存在一个未加载的文件。它未被替换：请先加载它，或强制保存以替换它（其内容会保留为备份）。</translation>
    </message>
    <message>
        <source>The file on disk is not valid JSON now, and the console never writes over a file it cannot read. Correct or move it, or restore a backup.</source>
        <translation>磁盘上的文件当前不是有效的 JSON，控制台绝不会覆盖无法读取的文件。请修正或移走它，或恢复备份。</translation>
    </message>
    <message>
        <source>In MCPHub&apos;s format the settings would be more than the %1 MB a settings file may have, so they were not saved (the file could not be opened again). Remove deeply nested or very large values.</source>
        <translation>按 MCPHub 的格式写出后，设置将超过设置文件允许的 %1 MB，因此未保存（否则该文件将无法再次打开）。请删除嵌套过深或过大的值。</translation>
    </message>
    <message>
        <source>The settings have warnings (%1), so they were not saved. Review them; they can be saved with their warnings.</source>
        <translation>设置有警告（%1），因此未保存。请检查这些警告；也可以连同警告一起保存。</translation>
    </message>
    <message>
        <source>The file changed on disk since it was loaded (MCPHub or someone else wrote it). Your changes were not saved.</source>
        <translation>文件自加载以来已在磁盘上被更改（MCPHub 或其他人写入了它）。你的更改未保存。</translation>
    </message>
</context>
<context>
    <name>SettingsFileWorkspace</name>
    <message numerus="yes">
        <source>The settings file has %n error(s), so it was not opened: %1 (%2). Correct the file, or restore one of its backups, then open it again.</source>
        <translation>
            <numerusform>设置文件有 %n 个错误，因此未打开：%1（%2）。请先修正文件或恢复它的某个备份，然后重新打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file changed while it was being opened (MCPHub may have rewritten it). Open it again.</source>
        <translation>文件在打开过程中发生了变化（可能是 MCPHub 重写了它）。请重新打开。</translation>
    </message>
</context>
<context>
    <name>SettingsMapper</name>
    <message>
        <source>The database holds text that is not JSON. Repair the row or restore a backup.</source>
        <translation>数据库中保存了不是 JSON 的文本。请修复该行或从备份恢复。</translation>
    </message>
    <message>
        <source>This entry is not a JSON object.</source>
        <translation>该条目不是 JSON 对象。</translation>
    </message>
    <message>
        <source>This entry has no &quot;%1&quot; (a non-empty string), which names it.</source>
        <translation>该条目缺少用于命名它的 &quot;%1&quot;（非空字符串）。</translation>
    </message>
    <message>
        <source>A settings file must hold one JSON object.</source>
        <translation>设置文件必须包含一个 JSON 对象。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears a second time here; names must be unique. Remove or rename one.</source>
        <translation>&quot;%1&quot; 在此处第二次出现；名称必须唯一。请删除或重命名其中一个。</translation>
    </message>
    <message>
        <source>The database holds JSON nested more than %1 levels deep (or with a NUL byte), which no settings file may hold. Repair the row or restore a backup.</source>
        <translation>数据库中的 JSON 嵌套超过 %1 层（或含有 NUL 字节），任何设置文件都不能包含这样的内容。请修复该行或恢复备份。</translation>
    </message>
</context>
<context>
    <name>SettingsRules</name>
    <message>
        <source>The key &quot;%1&quot; appears twice in the same object (lines %2 and %3). MCPHub keeps only the last value, so the one on line %2 is lost at the next save. Delete the one you do not want.</source>
        <translation>键 &quot;%1&quot; 在同一对象中出现了两次（第 %2 行和第 %3 行）。MCPHub 只保留最后一个值，所以第 %2 行的值会在下次保存时丢失。请删除你不需要的那个。</translation>
    </message>
    <message>
        <source>%1 is too large for a JavaScript number: MCPHub reads and writes it as %2. Store it as a string if every digit matters.</source>
        <translation>%1 超出了 JavaScript 数字的精确范围：MCPHub 会将其读写为 %2。如果每一位数字都重要，请将它存为字符串。</translation>
    </message>
    <message>
        <source>The user name &quot;%1&quot; is also used by /users/%2; MCPHub would use only one of them. Rename or remove one.</source>
        <translation>用户名 &quot;%1&quot; 也被 /users/%2 使用；MCPHub 只会使用其中一个。请重命名或删除其中一个。</translation>
    </message>
    <message>
        <source>The password is the placeholder %1. MCPHub does not replace variables in passwords, so this user can log in only if the file is filled in before MCPHub reads it. Set a real password through the console.</source>
        <translation>密码是占位符 %1。MCPHub 不会替换密码中的变量，因此只有在 MCPHub 读取文件之前先填好该值，此用户才能登录。请通过控制台设置真正的密码。</translation>
    </message>
    <message>
        <source>There are no users. At start-up MCPHub creates the user &quot;admin&quot; with a default or random password. Add an administrator with the console instead.</source>
        <translation>没有任何用户。MCPHub 启动时会用默认或随机密码创建用户 &quot;admin&quot;。请改用控制台添加一个管理员。</translation>
    </message>
    <message>
        <source>No user is an administrator (&quot;isAdmin&quot;: true), so nobody can manage MCPHub. Make at least one user an administrator.</source>
        <translation>没有任何用户是管理员（&quot;isAdmin&quot;: true），因此没有人能管理 MCPHub。请至少将一个用户设为管理员。</translation>
    </message>
    <message>
        <source>The owner &quot;%1&quot; is not a user, so only administrators can manage this entry. Correct the owner or add the user.</source>
        <translation>所有者 &quot;%1&quot; 不是任何用户，因此只有管理员能管理此条目。请修正所有者或添加该用户。</translation>
    </message>
    <message>
        <source>A server has an empty name. MCPHub serves each server at /mcp/&lt;name&gt;; give it a name.</source>
        <translation>有一个服务器的名称为空。MCPHub 在 /mcp/&lt;名称&gt; 提供每个服务器；请为它命名。</translation>
    </message>
    <message>
        <source>MCPHub cannot tell what kind of server &quot;%1&quot; is: it has no &quot;type&quot;, &quot;url&quot;, &quot;command&quot; or &quot;openapi&quot;. Add &quot;type&quot; and the settings that type needs.</source>
        <translation>MCPHub 无法判断服务器 &quot;%1&quot; 的类型：它没有 &quot;type&quot;、&quot;url&quot;、&quot;command&quot; 或 &quot;openapi&quot;。请添加 &quot;type&quot; 以及该类型所需的设置。</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot; has arguments but no &quot;command&quot;, so MCPHub has nothing to run. Add the program, such as npx or uvx.</source>
        <translation>服务器 &quot;%1&quot; 有参数但没有 &quot;command&quot;，MCPHub 没有可运行的程序。请添加程序，例如 npx 或 uvx。</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot; has both &quot;url&quot; and &quot;command&quot; but no &quot;type&quot;; MCPHub treats it as an sse server and ignores the command. Set &quot;type&quot; to say which one you mean.</source>
        <translation>服务器 &quot;%1&quot; 同时有 &quot;url&quot; 和 &quot;command&quot;，但没有 &quot;type&quot;；MCPHub 会把它当作 sse 服务器并忽略 command。请设置 &quot;type&quot; 说明你的本意。</translation>
    </message>
    <message>
        <source>stdio servers send no HTTP headers, and MCPHub&apos;s API refuses them for such servers. Remove &quot;headers&quot; or change the type.</source>
        <translation>stdio 服务器不发送 HTTP 头，MCPHub 的 API 也拒绝为此类服务器设置它们。请删除 &quot;headers&quot; 或更改类型。</translation>
    </message>
    <message>
        <source>MCPHub drops &quot;%1&quot; from %2 servers the next time it saves this server. Remove it, or change the type.</source>
        <translation>MCPHub 下次保存此服务器时，会从 %2 服务器中删除 &quot;%1&quot;。请删除它，或更改类型。</translation>
    </message>
    <message>
        <source>The group id &quot;%1&quot; is also used by /groups/%2. MCPHub finds groups by id, so one of them cannot be reached. Give each group its own id.</source>
        <translation>分组 id &quot;%1&quot; 也被 /groups/%2 使用。MCPHub 按 id 查找分组，因此其中一个无法访问。请为每个分组设置独立的 id。</translation>
    </message>
    <message>
        <source>Another group (/groups/%2) is also named &quot;%1&quot;; routing by group name reaches only one of them. Rename one.</source>
        <translation>另一个分组（/groups/%2）也叫 &quot;%1&quot;；按分组名称路由时只能到达其中一个。请重命名其中一个。</translation>
    </message>
    <message>
        <source>There is no server &quot;%1&quot;; MCPHub leaves it out of this group. Remove it or add the server.</source>
        <translation>不存在服务器 &quot;%1&quot;；MCPHub 会把它排除在此分组之外。请删除它或添加该服务器。</translation>
    </message>
    <message>
        <source>The key id &quot;%1&quot; is also used by /bearerKeys/%2. Give each key its own id.</source>
        <translation>密钥 id &quot;%1&quot; 也被 /bearerKeys/%2 使用。请为每个密钥设置独立的 id。</translation>
    </message>
    <message>
        <source>This key has the same token as /bearerKeys/%1, so MCPHub cannot tell which access applies. Generate a new token for one of them.</source>
        <translation>此密钥的令牌与 /bearerKeys/%1 相同，MCPHub 无法判断应使用哪种访问权限。请为其中一个生成新令牌。</translation>
    </message>
    <message>
        <source>This key&apos;s access is &quot;%1&quot; but it names no group or server, so it opens nothing. Add groups or servers, or disable the key.</source>
        <translation>此密钥的访问类型为 &quot;%1&quot;，但没有指定任何分组或服务器，因此不开放任何内容。请添加分组或服务器，或禁用该密钥。</translation>
    </message>
    <message>
        <source>There is no group with the id or name &quot;%1&quot;; this key gives no access through it. Remove it or create the group.</source>
        <translation>不存在 id 或名称为 &quot;%1&quot; 的分组；此密钥无法通过它获得任何访问。请删除它或创建该分组。</translation>
    </message>
    <message>
        <source>There is no server &quot;%1&quot;; this key gives no access through it. Remove it or add the server.</source>
        <translation>不存在服务器 &quot;%1&quot;；此密钥无法通过它获得任何访问。请删除它或添加该服务器。</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot;, so these settings apply to nobody. Remove them or add the user.</source>
        <translation>不存在用户 &quot;%1&quot;，因此这些设置不适用于任何人。请删除它们或添加该用户。</translation>
    </message>
    <message>
        <source>The client id &quot;%1&quot; is also used by /oauthClients/%2. Give each client its own id.</source>
        <translation>客户端 id &quot;%1&quot; 也被 /oauthClients/%2 使用。请为每个客户端设置独立的 id。</translation>
    </message>
    <message>
        <source>This token was issued to &quot;%1&quot;, who is not a user; it no longer works. Remove it.</source>
        <translation>此令牌签发给了 &quot;%1&quot;，但该用户不存在；令牌已失效。请删除它。</translation>
    </message>
    <message>
        <source>This token belongs to the client &quot;%1&quot;, which is not in &quot;oauthClients&quot;; it may no longer work. Remove it or register the client.</source>
        <translation>此令牌属于客户端 &quot;%1&quot;，但它不在 &quot;oauthClients&quot; 中；令牌可能已失效。请删除它或注册该客户端。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is also used by %2; MCPHub&apos;s database keeps it unique, so migrating this file would fail. Make it unique.</source>
        <translation>&quot;%1&quot; 也被 %2 使用；MCPHub 的数据库要求它唯一，因此迁移此文件会失败。请使其唯一。</translation>
    </message>
    <message>
        <source>%1 cannot be held by a JavaScript number: MCPHub reads and writes it as %2. Store it as a string if every digit matters.</source>
        <translation>%1 无法用 JavaScript 数字精确表示：MCPHub 读写时会变成 %2。如果每一位都重要，请将其保存为字符串。</translation>
    </message>
    <message>
        <source>This key holds the character U+0000 (\u0000). MCPHub&apos;s and the console&apos;s databases cannot store it, and no program receives it. Remove it.</source>
        <translation>此键含有字符 U+0000（\u0000）。MCPHub 和控制台的数据库都无法保存它，任何程序也收不到它。请删除它。</translation>
    </message>
    <message>
        <source>This value holds the character U+0000 (\u0000). MCPHub&apos;s and the console&apos;s databases cannot store it, and no program receives it. Remove it.</source>
        <translation>此值含有字符 U+0000（\u0000）。MCPHub 和控制台的数据库都无法保存它，任何程序也收不到它。请删除它。</translation>
    </message>
    <message>
        <source>This key starts with an invisible byte order mark (U+FEFF), which would be lost on the way through a database. Remove it.</source>
        <translation>此键以不可见的字节顺序标记（U+FEFF）开头，经过数据库时会丢失。请删除它。</translation>
    </message>
    <message>
        <source>This value starts with an invisible byte order mark (U+FEFF), which would be lost on the way through a database. Remove it.</source>
        <translation>此值以不可见的字节顺序标记（U+FEFF）开头，经过数据库时会丢失。请删除它。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
</context>
<context>
    <name>SettingsSchemaCheck</name>
    <message>
        <source>The settings file must be one JSON object, such as {&quot;mcpServers&quot;: {}, &quot;users&quot;: []}. Replace the content with such an object, or restore a backup.</source>
        <translation>设置文件必须是一个 JSON 对象，例如 {&quot;mcpServers&quot;: {}, &quot;users&quot;: []}。请把内容替换为这样的对象，或恢复备份。</translation>
    </message>
    <message>
        <source>&quot;mcpServers&quot; is required and must be an object that maps each server name to its configuration. Write &quot;mcpServers&quot;: {} when there are no servers.</source>
        <translation>&quot;mcpServers&quot; 是必需的，且必须是把每个服务器名称映射到其配置的对象。没有服务器时请写 &quot;mcpServers&quot;: {}。</translation>
    </message>
    <message>
        <source>&quot;groups&quot; must be an array of objects with &quot;id&quot;, &quot;name&quot; and &quot;servers&quot;. MCPHub&apos;s documentation also shows groups as an object keyed by name, which MCPHub itself cannot read: make each entry an element of an array, with its own &quot;id&quot; and &quot;name&quot;.</source>
        <translation>&quot;groups&quot; 必须是由包含 &quot;id&quot;、&quot;name&quot; 和 &quot;servers&quot; 的对象组成的数组。MCPHub 的文档中也出现过以名称为键的对象形式，但 MCPHub 本身无法读取：请把每个条目改为数组中的一个元素，并带上各自的 &quot;id&quot; 和 &quot;name&quot;。</translation>
    </message>
    <message>
        <source>Must be a date and time in ISO 8601 form, for example 2026-01-31T12:00:00.000Z.</source>
        <translation>必须是 ISO 8601 格式的日期时间，例如 2026-01-31T12:00:00.000Z。</translation>
    </message>
    <message>
        <source>Must be &quot;all&quot; or an array of names, for example [&quot;add&quot;, &quot;echo&quot;].</source>
        <translation>必须是 &quot;all&quot; 或名称数组，例如 [&quot;add&quot;, &quot;echo&quot;]。</translation>
    </message>
    <message>
        <source>Each server must be an object such as {&quot;type&quot;: &quot;stdio&quot;, &quot;command&quot;: &quot;npx&quot;, &quot;args&quot;: []}. Correct this entry or remove it.</source>
        <translation>每个服务器都必须是对象，例如 {&quot;type&quot;: &quot;stdio&quot;, &quot;command&quot;: &quot;npx&quot;, &quot;args&quot;: []}。请修正或删除此条目。</translation>
    </message>
    <message>
        <source>&quot;type&quot; must be stdio, sse, streamable-http or openapi. Correct it, or remove it to let MCPHub infer the type from url, command or openapi.</source>
        <translation>&quot;type&quot; 必须是 stdio、sse、streamable-http 或 openapi。请修正它，或删除它，让 MCPHub 根据 url、command 或 openapi 推断类型。</translation>
    </message>
    <message>
        <source>&quot;url&quot; must be the address of the server&apos;s MCP endpoint, a string such as https://host/mcp; servers of type sse and streamable-http need it.</source>
        <translation>&quot;url&quot; 必须是服务器 MCP 端点的地址，即类似 https://host/mcp 的字符串；sse 和 streamable-http 类型的服务器需要它。</translation>
    </message>
    <message>
        <source>&quot;command&quot; must be the program that starts the server, a string such as npx or uvx; servers of type stdio need it.</source>
        <translation>&quot;command&quot; 必须是启动服务器的程序，即类似 npx 或 uvx 的字符串；stdio 类型的服务器需要它。</translation>
    </message>
    <message>
        <source>Must be an object whose values are all strings, for example {&quot;API_KEY&quot;: &quot;...&quot;}; put numbers and booleans in quotes.</source>
        <translation>必须是所有值都为字符串的对象，例如 {&quot;API_KEY&quot;: &quot;...&quot;}；数字和布尔值请加上引号。</translation>
    </message>
    <message>
        <source>An openapi server needs &quot;openapi&quot; with &quot;url&quot; (where to fetch the OpenAPI document) or &quot;schema&quot; (the document itself). Add one of them.</source>
        <translation>openapi 服务器需要包含 &quot;url&quot;（获取 OpenAPI 文档的地址）或 &quot;schema&quot;（文档本身）的 &quot;openapi&quot;。请添加其中之一。</translation>
    </message>
    <message>
        <source>&quot;password&quot; must be a bcrypt hash ($2b$10$ followed by 53 characters), because MCPHub stores only hashes. Set the password through the console or MCPHub, which hash it; nobody can log in with this value.</source>
        <translation>&quot;password&quot; 必须是 bcrypt 哈希（$2b$10$ 后跟 53 个字符），因为 MCPHub 只保存哈希。请通过控制台或 MCPHub 设置密码，它们会计算哈希；用这个值任何人都无法登录。</translation>
    </message>
    <message>
        <source>Each entry of &quot;servers&quot; must be a server name, or an object such as {&quot;name&quot;: &quot;fetch&quot;, &quot;tools&quot;: &quot;all&quot;}.</source>
        <translation>&quot;servers&quot; 的每个条目必须是服务器名称，或类似 {&quot;name&quot;: &quot;fetch&quot;, &quot;tools&quot;: &quot;all&quot;} 的对象。</translation>
    </message>
    <message>
        <source>&quot;token&quot; must be a non-empty string: it is the secret clients send. Generate a new key in the console or in MCPHub.</source>
        <translation>&quot;token&quot; 必须是非空字符串：它是客户端发送的密钥。请在控制台或 MCPHub 中生成新的密钥。</translation>
    </message>
    <message>
        <source>&quot;accessType&quot; must be all, groups, servers or custom.</source>
        <translation>&quot;accessType&quot; 必须是 all、groups、servers 或 custom。</translation>
    </message>
    <message>
        <source>&quot;jsonBodyLimit&quot; must be a size such as &quot;1mb&quot; or &quot;500kb&quot;, or a number of bytes.</source>
        <translation>&quot;jsonBodyLimit&quot; 必须是类似 &quot;1mb&quot; 或 &quot;500kb&quot; 的大小，或字节数。</translation>
    </message>
    <message>
        <source>&quot;nameSeparator&quot; must be a non-empty string such as &quot;-&quot;; it joins server and tool names.</source>
        <translation>&quot;nameSeparator&quot; 必须是非空字符串，例如 &quot;-&quot;；它用于连接服务器名和工具名。</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an object {...}</source>
        <translation>对象 {...}</translation>
    </message>
    <message>
        <source>an array [...]</source>
        <translation>数组 [...]</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>The settings schema built into the console could not be read (%1). Reinstall the console.</source>
        <translation>无法读取控制台内置的设置模式（%1）。请重新安装控制台。</translation>
    </message>
    <message>
        <source>The required key &quot;%1&quot; is missing. Add it.</source>
        <translation>缺少必需的键 &quot;%1&quot;。请添加它。</translation>
    </message>
    <message>
        <source>Expected %1 here, not %2. Change the value.</source>
        <translation>此处应为%1，而不是%2。请修改该值。</translation>
    </message>
    <message>
        <source>%1 is not allowed here. Use one of: %2.</source>
        <translation>此处不允许 %1。请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>%1 does not have the expected form. Correct the value.</source>
        <translation>%1 的格式不符合要求。请修正该值。</translation>
    </message>
    <message>
        <source>%1 is not a valid date or time. Correct the value.</source>
        <translation>%1 不是有效的日期或时间。请修正该值。</translation>
    </message>
    <message>
        <source>Must not be empty. Fill it in or remove the key.</source>
        <translation>不能为空。请填写，或删除该键。</translation>
    </message>
    <message>
        <source>Must be at least %1 characters long.</source>
        <translation>长度至少为 %1 个字符。</translation>
    </message>
    <message>
        <source>Must be at most %1 characters long.</source>
        <translation>长度最多为 %1 个字符。</translation>
    </message>
    <message>
        <source>Must be greater than %1.</source>
        <translation>必须大于 %1。</translation>
    </message>
    <message>
        <source>Must be %1 or more.</source>
        <translation>必须大于或等于 %1。</translation>
    </message>
    <message>
        <source>Must be less than %1.</source>
        <translation>必须小于 %1。</translation>
    </message>
    <message>
        <source>Must be %1 or less.</source>
        <translation>必须小于或等于 %1。</translation>
    </message>
    <message>
        <source>This value has none of the allowed shapes. Correct it.</source>
        <translation>此值不符合任何允许的形式。请修正它。</translation>
    </message>
    <message>
        <source>This value does not match the settings schema (%1). Correct it.</source>
        <translation>此值不符合设置模式（%1）。请修正它。</translation>
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
    <message>
        <source>Cannot create the database file: the folder %1 is read-only, full or not writable for you. Choose a writable folder.</source>
        <translation>无法创建数据库文件：文件夹 %1 是只读的、已满或你没有写权限。请选择一个可写的文件夹。</translation>
    </message>
    <message>
        <source>Cannot open the SQLite database file. Check that it is a database and that you may read it and write its folder.</source>
        <translation>无法打开 SQLite 数据库文件。请确认它是数据库文件，并且你有权读取它、写入其所在文件夹。</translation>
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
        <source>The database only allows reading. Connect to the primary server or fix the file&apos;s permissions.</source>
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
    <message>
        <source>The row %1 was changed in the database since it was read (updated_at), by MCPHub or another console, so nothing was written.</source>
        <translation>行 %1 在读取后已在数据库中被 MCPHub 或其他控制台更改（updated_at），因此未写入任何内容。</translation>
    </message>
    <message>
        <source>The value holds a NUL byte, which JSON does not allow (inside a string it is written \u0000).</source>
        <translation>该值含有 NUL 字节，而 JSON 不允许这样（在字符串中应写作 \u0000）。</translation>
    </message>
    <message>
        <source>Arrays and objects are nested more than %1 levels deep here.</source>
        <translation>此处数组和对象的嵌套超过 %1 层。</translation>
    </message>
    <message>
        <source>The value is not valid JSON here (%1). JSON has no comments, single quotes or trailing commas, and a string is written in double quotes.</source>
        <translation>此处的值不是有效的 JSON（%1）。JSON 不支持注释、单引号或末尾逗号，字符串须用双引号括起。</translation>
    </message>
    <message>
        <source>The value holds a number too large to represent (%1).</source>
        <translation>该值含有一个过大而无法表示的数字（%1）。</translation>
    </message>
    <message>
        <source>The key is empty.</source>
        <translation>键为空。</translation>
    </message>
    <message>
        <source>MCPHub stores nameSeparator as text of at most 10 characters (varchar(10)): give a JSON string such as &quot;-&quot;, nothing was written.</source>
        <translation>MCPHub 将 nameSeparator 存储为最多 10 个字符的文本（varchar(10)）：请提供 JSON 字符串，例如 &quot;-&quot;；未写入任何内容。</translation>
    </message>
    <message>
        <source>MCPHub stores %1 as a boolean: give true or false, nothing was written.</source>
        <translation>MCPHub 将 %1 存储为布尔值：请提供 true 或 false；未写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>not JSON, %n byte(s)</source>
        <translation>
            <numerusform>非 JSON，%n 字节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>object, %n key(s)</source>
        <translation>
            <numerusform>对象，%n 个键</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>array, %n item(s)</source>
        <translation>
            <numerusform>数组，%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>string, %n character(s)</source>
        <translation>
            <numerusform>字符串，%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the system configuration.</source>
        <translation>无法读取系统配置。</translation>
    </message>
    <message>
        <source>%1 row &quot;%2&quot;: MCPHub reads only the row &quot;%3&quot;; this one is ignored and left as it is.</source>
        <translation>%1 行“%2”：MCPHub 只读取行“%3”；此行将被忽略并保持原样。</translation>
    </message>
    <message>
        <source>The stored text is not JSON (%1: %2), so MCPHub cannot load its system configuration. It is left as it is until this key is set.</source>
        <translation>存储的文本不是 JSON（%1：%2），因此 MCPHub 无法加载其系统配置。在设置此键之前，它将保持原样。</translation>
    </message>
    <message>
        <source>%1 row &quot;%2&quot;, column %3: %4</source>
        <translation>%1 行“%2”，列 %3：%4</translation>
    </message>
    <message>
        <source>The stored text is not JSON (%1: %2).</source>
        <translation>存储的文本不是 JSON（%1：%2）。</translation>
    </message>
    <message>
        <source>%1 row &quot;%2&quot;: %3</source>
        <translation>%1 行“%2”：%3</translation>
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
    <message>
        <source>MCPHub writes its own activities; the console only reads them.</source>
        <translation>MCPHub 自己写入其活动记录；控制台只读取它们。</translation>
    </message>
</context>
<context>
    <name>UserAdministration</name>
    <message>
        <source>The user &quot;%1&quot; was changed in the database since it was read (%2), by MCPHub or another console, so nothing was written. Your edits are kept: reload to see the change, then make them again.</source>
        <translation>用户“%1”在读取后已在数据库中被 MCPHub 或其他控制台更改（%2），因此未写入任何内容。您的编辑已保留：请重新加载查看更改，然后再次进行编辑。</translation>
    </message>
    <message>
        <source>The username is empty. Type a name.</source>
        <translation>用户名为空。请输入名称。</translation>
    </message>
    <message>
        <source>A user named &quot;%1&quot; already exists. Choose another name.</source>
        <translation>已存在名为“%1”的用户。请换一个名称。</translation>
    </message>
    <message>
        <source>The new user has no password. Set one.</source>
        <translation>新用户没有密码。请设置一个。</translation>
    </message>
    <message>
        <source>The user &quot;%1&quot; was deleted meanwhile (by another console?). Revert this row or add the user again.</source>
        <translation>用户“%1”在此期间已被删除（可能是另一个控制台？）。请还原此行或重新添加该用户。</translation>
    </message>
    <message>
        <source>MCPHub cannot rename users. Add a new user and delete this one instead.</source>
        <translation>MCPHub 无法重命名用户。请添加新用户并删除此用户。</translation>
    </message>
    <message>
        <source>The user &quot;%1&quot; does not exist (any more).</source>
        <translation>用户“%1”不存在（或已不存在）。</translation>
    </message>
    <message>
        <source>The workspace has no administrator yet, so &quot;%1&quot; cannot be added as an ordinary user: MCPHub would have nobody who can manage it. Add an administrator first, or make &quot;%1&quot; one.</source>
        <translation>工作区还没有管理员，因此不能把“%1”添加为普通用户：否则 MCPHub 将没有人能管理它。请先添加一个管理员，或把“%1”设为管理员。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the last administrator and cannot be deleted. Make another user an administrator first.</source>
        <translation>“%1”是最后一位管理员，不能删除。请先将其他用户设为管理员。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the last administrator and cannot be demoted. Make another user an administrator first.</source>
        <translation>“%1”是最后一位管理员，不能取消其管理员身份。请先将其他用户设为管理员。</translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot;. &quot;user list&quot; shows them.</source>
        <translation>没有名为“%1”的用户。“user list”可列出所有用户。</translation>
    </message>
    <message>
        <source>A user has no field &quot;%1&quot;.</source>
        <translation>用户没有字段“%1”。</translation>
    </message>
</context>
<context>
    <name>UserCommand</name>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Saved to the bound settings file %1 too.</source>
        <translation>也已保存到绑定的设置文件 %1。</translation>
    </message>
    <message>
        <source>cannot read the password from standard input.</source>
        <translation>无法从标准输入读取密码。</translation>
    </message>
    <message>
        <source>standard input held no password.</source>
        <translation>标准输入中没有密码。</translation>
    </message>
    <message>
        <source>standard input is not a terminal; pass the password with --password-stdin.</source>
        <translation>标准输入不是终端；请使用 --password-stdin 传入密码。</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>the two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何更改。</translation>
    </message>
    <message>
        <source>the password is empty; nothing was changed.</source>
        <translation>密码为空；未做任何更改。</translation>
    </message>
    <message>
        <source>List, add and remove the users who sign in to MCPHub, and set their passwords.
  list                      the users and their admin flag
  add NAME [--admin]        add a user (password from --password-stdin)
  set-password NAME         set or reset a password (asked twice on a terminal)
  set NAME [--admin|--no-admin] [--status S] [--email E] [--full-name N]
                            change a user&apos;s fields (status, e-mail and full name
                            are console notes MCPHub never reads; a settings
                            file has no place for them)
  remove NAME               delete a user (never the last administrator)</source>
        <translation>列出、添加和删除登录 MCPHub 的用户，并设置他们的密码。
  list                      列出用户及其管理员标志
  add NAME [--admin]        添加用户（密码来自 --password-stdin）
  set-password NAME         设置或重置密码（在终端上会询问两次）
  set NAME [--admin|--no-admin] [--status S] [--email E] [--full-name N]
                            更改用户的字段（状态、电子邮件和全名是
                            控制台的备注，MCPHub 从不读取；设置文件
                            没有存放它们的位置）
  remove NAME               删除用户（不能删除最后一个管理员）</translation>
    </message>
    <message>
        <source>The new user is an administrator.</source>
        <translation>新用户为管理员。</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>从标准输入的第一行读取密码。</translation>
    </message>
    <message>
        <source>bcrypt cost, 10 to 14 (default 10, as MCPHub).</source>
        <translation>bcrypt 成本，10 到 14（默认 10，与 MCPHub 相同）。</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>set: the user is no longer an administrator.</source>
        <translation>set：该用户不再是管理员。</translation>
    </message>
    <message>
        <source>set: the console&apos;s status note (MCPHub never reads it: it does not stop a user signing in).</source>
        <translation>set：控制台的状态备注（MCPHub 从不读取它：它不会阻止用户登录）。</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>set: the console&apos;s e-mail note.</source>
        <translation>set：控制台的电子邮件备注。</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>set: the console&apos;s full-name note.</source>
        <translation>set：控制台的全名备注。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>list, add, set-password, set or remove.</source>
        <translation>list、add、set-password、set 或 remove。</translation>
    </message>
    <message>
        <source>say list, add NAME, set-password NAME, set NAME or remove NAME. Run &quot;%1 user --help&quot;.</source>
        <translation>请使用 list、add NAME、set-password NAME、set NAME 或 remove NAME。运行“%1 user --help”查看帮助。</translation>
    </message>
    <message>
        <source>--admin and --no-admin contradict each other.</source>
        <translation>--admin 与 --no-admin 相互矛盾。</translation>
    </message>
    <message>
        <source>--no-admin, --status, --email and --full-name go with &quot;user set&quot;.</source>
        <translation>--no-admin、--status、--email 和 --full-name 需与“user set”一起使用。</translation>
    </message>
    <message>
        <source>say what to change: --admin, --no-admin, --status, --email or --full-name.</source>
        <translation>请说明要更改什么：--admin、--no-admin、--status、--email 或 --full-name。</translation>
    </message>
    <message>
        <source>--cost takes a number from 10 to 14.</source>
        <translation>--cost 取 10 到 14 之间的数字。</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Changed user %1.</source>
        <translation>已更改用户 %1。</translation>
    </message>
    <message>
        <source>Added user %1.</source>
        <translation>已添加用户 %1。</translation>
    </message>
    <message>
        <source>Set the password of %1.</source>
        <translation>已设置 %1 的密码。</translation>
    </message>
    <message>
        <source>Removed user %1.</source>
        <translation>已删除用户 %1。</translation>
    </message>
    <message>
        <source>Note: a dashboard session %1 already has stays valid for up to 24 hours (MCPHub checks its sign-in token without the database); restart the hubs on this database to end it now.</source>
        <translation>注意：%1 已有的仪表板会话最长仍有效 24 小时（MCPHub 校验登录令牌时不查询数据库）；如需立即结束，请重启使用此数据库的 hub。</translation>
    </message>
    <message>
        <source>List, add and remove users and set their passwords.</source>
        <translation>列出、添加和删除用户并设置其密码。</translation>
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
        <source>The database does not exist on the server. Create it with &quot;mcphub-adminctl db init&quot; or check its name.</source>
        <translation>服务器上不存在该数据库。请用 &quot;mcphub-adminctl db init&quot; 创建，或检查数据库名称。</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the host and port, and that the server is running and accepts connections from this machine.</source>
        <translation>无法连接到数据库服务器。请检查主机和端口，并确认服务器正在运行且接受来自本机的连接。</translation>
    </message>
    <message>
        <source>Cannot connect to the server&apos;s &quot;postgres&quot; database to create the workspace database. Create it yourself (createdb) or check the connection settings.</source>
        <translation>无法连接服务器的“postgres”数据库来创建工作区数据库。请自行创建（createdb）或检查连接设置。</translation>
    </message>
    <message>
        <source>Cannot look up the workspace database.</source>
        <translation>无法查询工作区数据库。</translation>
    </message>
    <message>
        <source>Cannot create the workspace database. Ask the server&apos;s administrator to create it for you.</source>
        <translation>无法创建工作区数据库。请让服务器管理员为您创建。</translation>
    </message>
    <message>
        <source>There is no database file here. Create it with &quot;mcphub-adminctl db init&quot;.</source>
        <translation>此处没有数据库文件。请用 &quot;mcphub-adminctl db init&quot; 创建。</translation>
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
            <numerusform>数据库结构不是最新的（有 %n 个迁移待应用），而该配置为只读，因此没有应用任何迁移。</numerusform>
        </translation>
    </message>
    <message>
        <source>The profile is read-only, so MCPHub&apos;s tables were not created.</source>
        <translation>该配置为只读，因此未创建 MCPHub 的表。</translation>
    </message>
    <message>
        <source>MCPHub keeps its database in PostgreSQL; an SQLite file cannot be an MCPHub database.</source>
        <translation>MCPHub 的数据库在 PostgreSQL 中；SQLite 文件不能作为 MCPHub 数据库。</translation>
    </message>
    <message>
        <source>Cannot open the database read-only.</source>
        <translation>无法以只读方式打开数据库。</translation>
    </message>
    <message>
        <source>None of the profile&apos;s hosts accepts writes: each one is a standby (in recovery). Add the primary&apos;s host to the profile, wait for a failover to promote one, or open a single standby host as a read-only workspace.</source>
        <translation>连接配置中的主机均不接受写入：每一台都是备库（处于恢复状态）。请将主库的主机添加到连接配置中，或等待故障转移提升出新的主库，或将单个备库主机作为只读工作区打开。</translation>
    </message>
    <message>
        <source>A standby server cannot be changed: the workspace is open read-only. Make changes on the primary.</source>
        <translation>备库服务器无法更改：工作区以只读方式打开。请在主库上进行更改。</translation>
    </message>
</context>
<context>
    <name>WorkspaceCapabilities</name>
    <message>
        <source>The name the user signs in with. MCPHub cannot rename users.</source>
        <translation>用户登录时使用的名称。MCPHub 不能重命名用户。</translation>
    </message>
    <message>
        <source>Administrators manage MCPHub; the last one can be neither deleted nor demoted.</source>
        <translation>管理员负责管理 MCPHub；最后一个管理员既不能删除也不能降级。</translation>
    </message>
    <message>
        <source>MCPHub never reads it: a user marked &quot;disabled&quot; can still sign in. To stop a user signing in, delete the user or change the password.</source>
        <translation>MCPHub 从不读取此项：标记为“disabled”的用户仍然可以登录。要阻止用户登录，请删除该用户或更改密码。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s users have no e-mail; the console keeps it as a note.</source>
        <translation>MCPHub 的用户没有电子邮件字段；控制台将其作为备注保存。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s users have no full name; the console keeps it as a note.</source>
        <translation>MCPHub 的用户没有全名字段；控制台将其作为备注保存。</translation>
    </message>
    <message>
        <source>Kept by the console; MCPHub does not record sign-ins.</source>
        <translation>由控制台记录；MCPHub 不记录登录。</translation>
    </message>
    <message>
        <source>The bcrypt hash MCPHub checks at sign-in.</source>
        <translation>MCPHub 在登录时校验的 bcrypt 哈希。</translation>
    </message>
    <message>
        <source>The server&apos;s key: its tools are named &lt;server&gt;-&lt;tool&gt; and it is reachable at /mcp/&lt;server&gt;.</source>
        <translation>服务器的键名：其工具命名为 &lt;server&gt;-&lt;tool&gt;，可通过 /mcp/&lt;server&gt; 访问。</translation>
    </message>
    <message>
        <source>How MCPHub connects to the server.</source>
        <translation>MCPHub 连接该服务器的方式。</translation>
    </message>
    <message>
        <source>A disabled server is not connected and its tools are not offered.</source>
        <translation>已禁用的服务器不会被连接，其工具也不会提供。</translation>
    </message>
    <message>
        <source>Shown in MCPHub&apos;s dashboard.</source>
        <translation>显示在 MCPHub 的仪表板中。</translation>
    </message>
    <message>
        <source>The creating user: non-administrators see their own servers.</source>
        <translation>创建者：非管理员只能看到自己的服务器。</translation>
    </message>
    <message>
        <source>The program MCPHub starts (stdio); ${VAR} is expanded.</source>
        <translation>MCPHub 启动的程序（stdio）；${VAR} 会被展开。</translation>
    </message>
    <message>
        <source>The program&apos;s arguments (stdio); ${VAR} is expanded.</source>
        <translation>程序的参数（stdio）；${VAR} 会被展开。</translation>
    </message>
    <message>
        <source>The program&apos;s environment (stdio); ${VAR} is expanded.</source>
        <translation>程序的环境变量（stdio）；${VAR} 会被展开。</translation>
    </message>
    <message>
        <source>Where MCPHub connects (sse, streamable-http); ${VAR} is expanded.</source>
        <translation>MCPHub 连接的地址（sse、streamable-http）；${VAR} 会被展开。</translation>
    </message>
    <message>
        <source>Request headers sent upstream; ${VAR} is expanded.</source>
        <translation>发往上游的请求头；${VAR} 会被展开。</translation>
    </message>
    <message>
        <source>Names of client request headers forwarded upstream.</source>
        <translation>转发给上游的客户端请求头名称。</translation>
    </message>
    <message>
        <source>MCPHub pings the server every interval.</source>
        <translation>MCPHub 每隔一个间隔 ping 一次服务器。</translation>
    </message>
    <message>
        <source>The keep-alive interval in milliseconds.</source>
        <translation>保活间隔（毫秒）。</translation>
    </message>
    <message>
        <source>Where MCPHub reads the OpenAPI specification; ${VAR} is expanded.</source>
        <translation>MCPHub 读取 OpenAPI 规范的地址；${VAR} 会被展开。</translation>
    </message>
    <message>
        <source>An inline OpenAPI specification.</source>
        <translation>内联的 OpenAPI 规范。</translation>
    </message>
    <message>
        <source>How MCPHub authenticates to the API.</source>
        <translation>MCPHub 向该 API 进行身份验证的方式。</translation>
    </message>
    <message>
        <source>Per-tool enable/disable and description overrides.</source>
        <translation>按工具设置的启用/禁用和描述覆盖。</translation>
    </message>
    <message>
        <source>Clients can route to a group by its name when enabled.</source>
        <translation>启用后，客户端可以按名称路由到该分组。</translation>
    </message>
    <message>
        <source>The user who manages the group.</source>
        <translation>管理该分组的用户。</translation>
    </message>
    <message>
        <source>The servers (and their tools) the group offers.</source>
        <translation>该分组提供的服务器（及其工具）。</translation>
    </message>
    <message>
        <source>Recorded with every call made with the key.</source>
        <translation>使用该密钥的每次调用都会记录它。</translation>
    </message>
    <message>
        <source>The secret clients send.</source>
        <translation>客户端发送的密钥。</translation>
    </message>
    <message>
        <source>A disabled key is refused.</source>
        <translation>已禁用的密钥会被拒绝。</translation>
    </message>
    <message>
        <source>What the key reaches: all, groups, servers or custom.</source>
        <translation>密钥可访问的范围：all、groups、servers 或 custom。</translation>
    </message>
    <message>
        <source>The groups a restricted key reaches.</source>
        <translation>受限密钥可访问的分组。</translation>
    </message>
    <message>
        <source>The servers a restricted key reaches.</source>
        <translation>受限密钥可访问的服务器。</translation>
    </message>
    <message>
        <source>a settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>the console&apos;s database</source>
        <translation>控制台的数据库</translation>
    </message>
    <message>
        <source>MCPHub&apos;s database</source>
        <translation>MCPHub 的数据库</translation>
    </message>
    <message>
        <source>%1 has no place for the field &quot;%2&quot; of %3, so it was not changed (nothing was written). %4 Keep such values in the console&apos;s database (SQLite or PostgreSQL).</source>
        <translation>%1 没有存放 %3 的字段“%2”的位置，因此未更改（未写入任何内容）。%4 此类值请保存在控制台的数据库（SQLite 或 PostgreSQL）中。</translation>
    </message>
    <message>
        <source>This version of the console edits only the users, servers, groups, bearer keys and system configuration of MCPHub&apos;s database and reads its usage log; %1 is not read or written here yet, so nothing was changed. Use MCPHub&apos;s dashboard for it, or migrate the hub&apos;s settings file into a console database.</source>
        <translation>此版本的控制台仅编辑 MCPHub 数据库中的用户、服务器、分组、Bearer 密钥和系统配置，并读取其使用日志；此处尚不能读写 %1，因此未做任何更改。请使用 MCPHub 的控制台面板进行操作，或将该集线器的设置文件迁移到控制台数据库中。</translation>
    </message>
    <message>
        <source>Hubs are registered and monitored in a database (the console&apos;s own SQLite or PostgreSQL database, or an MCPHub database); %1 has no place for them, so hubs added here would be lost when it is closed. Open a database to monitor hubs.</source>
        <translation>集线器在数据库（控制台自己的 SQLite 或 PostgreSQL 数据库，或 MCPHub 数据库）中登记和监控；%1 无处存放它们，因此在此添加的集线器会在其关闭时丢失。请打开一个数据库以监控集线器。</translation>
    </message>
    <message>
        <source>A running hub reads %1 from its database on every request: the change takes effect with the next request.</source>
        <translation>正在运行的集线器在每次请求时都会从其数据库读取 %1：更改将在下一次请求时生效。</translation>
    </message>
    <message>
        <source>A running hub keeps the %1 it read at startup and is not told of this change: it takes effect after PUT /api/system-config to the hub (which re-reads the row) or a restart of the hubs on this database.</source>
        <translation>正在运行的集线器会沿用启动时读取的 %1，且不会收到此更改的通知：需向该集线器发送 PUT /api/system-config（会重新读取该行）或重启使用此数据库的集线器后才会生效。</translation>
    </message>
    <message>
        <source>A running hub reads %1 only when it starts: restart the hubs on this database for the change to take effect.</source>
        <translation>正在运行的集线器仅在启动时读取 %1：请重启使用此数据库的集线器以使更改生效。</translation>
    </message>
    <message>
        <source>MCPHub reads %1 from its settings file even in database mode, so a running hub does not act on the value stored here.</source>
        <translation>即使在数据库模式下，MCPHub 也从其设置文件读取 %1，因此正在运行的集线器不会使用此处存储的值。</translation>
    </message>
    <message>
        <source>When a running hub reads %1 again is not established: to be sure it is used, send PUT /api/system-config to the hub or restart the hubs on this database.</source>
        <translation>尚不确定正在运行的集线器何时会再次读取 %1：为确保其生效，请向该集线器发送 PUT /api/system-config，或重启使用此数据库的集线器。</translation>
    </message>
</context>
<context>
    <name>WorkspaceMetrics</name>
    <message>
        <source>Cannot read the workspace&apos;s figures.</source>
        <translation>无法读取工作区的统计数据。</translation>
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
        <source>Open this PostgreSQL workspace: &quot;host=... port=... dbname=... user=...&quot; or a postgresql:// URI, as psql takes it.</source>
        <translation>打开此 PostgreSQL 工作区：&quot;host=... port=... dbname=... user=...&quot; 或 postgresql:// URI，与 psql 的写法相同。</translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation>连接信息</translation>
    </message>
    <message>
        <source>Work on this MCPHub settings file directly: every change is validated, backed up and saved to it atomically, in MCPHub&apos;s format.</source>
        <translation>直接处理此 MCPHub 设置文件：每次更改都会经过校验和备份，并以 MCPHub 的格式原子地保存到文件中。</translation>
    </message>
    <message>
        <source>settings.json</source>
        <translation>settings.json</translation>
    </message>
    <message>
        <source>This command needs a workspace database; a settings file has none of its own. Give --sqlite, --pg or --profile instead.</source>
        <translation>此命令需要一个工作区数据库，而设置文件没有自己的数据库。请改用 --sqlite、--pg 或 --profile。</translation>
    </message>
    <message>
        <source>With --sqlite or --pg: also write every change to this MCPHub settings file, in the same unit as the database (dual-write), for this run only. A saved profile is bound with &quot;profile bind&quot;.</source>
        <translation>与 --sqlite 或 --pg 一起使用：仅在本次运行中，把每项更改也写入此 MCPHub 设置文件，与数据库作为同一个单元（双写）。已保存的配置用“profile bind”绑定。</translation>
    </message>
    <message>
        <source>--bind-settings goes with --sqlite or --pg. Bind a saved profile with &quot;profile bind NAME SETTINGS.json&quot;.</source>
        <translation>--bind-settings 需与 --sqlite 或 --pg 一起使用。已保存的配置请用“profile bind NAME SETTINGS.json”绑定。</translation>
    </message>
    <message>
        <source>Open MCPHub&apos;s own PostgreSQL database (a hub in database mode) and edit its tables as MCPHub does, never altering them; the console keeps its audit trail there in the schema mcphub_admin. CONNINFO as for --pg.</source>
        <translation>打开 MCPHub 自己的 PostgreSQL 数据库（以数据库模式运行的 hub），像 MCPHub 一样编辑其表，绝不改动表结构；控制台在其中的 schema mcphub_admin 里保存审计记录。CONNINFO 与 --pg 相同。</translation>
    </message>
    <message>
        <source>With --hub-db: when the database has no MCPHub tables, create them first, exactly as MCPHub does (a hub can then start on it without changing anything). Changes nothing when they are there.</source>
        <translation>与 --hub-db 一起使用：数据库中没有 MCPHub 的表时，先按 MCPHub 自己的方式创建它们（hub 随后可在其上启动而不做任何更改）。表已存在时不做任何更改。</translation>
    </message>
    <message>
        <source>Give only one of --profile, --sqlite, --pg, --hub-db and --file.</source>
        <translation>--profile、--sqlite、--pg、--hub-db 和 --file 只能给出一个。</translation>
    </message>
    <message>
        <source>--create goes with --hub-db.</source>
        <translation>--create 需与 --hub-db 一起使用。</translation>
    </message>
    <message>
        <source>Publish each committed change to this Redis (config:update, and config:KEY for 300 s), through the database&apos;s change outbox: nothing is lost while Redis is down. redis://host:port[/db]; a saved profile keeps its own.</source>
        <translation>将每个已提交的更改发布到此 Redis（config:update，以及保留 300 秒的 config:KEY），经由数据库的更改发件箱：Redis 停机期间不会丢失任何内容。redis://host:port[/db]；已保存的连接配置使用其自己的设置。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>warning: %1; %2 change(s) wait in the outbox and go to Redis with the next delivery (a console, or &quot;changes deliver&quot;).</source>
        <translation>警告：%1；%2 个更改在发件箱中等待，将在下次投递时发送到 Redis（由控制台或“changes deliver”投递）。</translation>
    </message>
    <message>
        <source>PostgreSQL: give the command up when the database server stops answering (a frozen host or container, which TCP does not notice) for this many seconds; what it had not committed is rolled back. 0 waits for good. Default: 30.</source>
        <translation>PostgreSQL：数据库服务器停止应答（主机或容器被冻结，TCP 察觉不到）达到这么多秒时放弃该命令；其尚未提交的内容会被回滚。0 表示一直等待。默认：30。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>--server-timeout takes a number of seconds from 0 to 86400.</source>
        <translation>--server-timeout 取 0 到 86400 之间的秒数。</translation>
    </message>
    <message>
        <source>mcphub-adminctl: the database server stopped answering (%1); the connection to it was left. The server rolls back what was not committed.</source>
        <translation>mcphub-adminctl：数据库服务器停止应答（%1），已放弃与它的连接。服务器会回滚尚未提交的内容。</translation>
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
        <source>Run &quot;%1 COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>运行 &quot;%1 COMMAND --help&quot; 查看命令的选项。</translation>
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
        <source>unknown command &quot;%1&quot;. Run &quot;%2 --help&quot; for the list.</source>
        <translation>未知命令 &quot;%1&quot;。运行 &quot;%2 --help&quot; 查看命令列表。</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>输出格式：text（默认）或 json。</translation>
    </message>
    <message>
        <source>Backups to keep beside the file (default 10; 0 makes none).</source>
        <translation>在文件旁保留的备份数量（默认 10；0 表示不备份）。</translation>
    </message>
    <message>
        <source>Save even though validation found warnings (never errors).</source>
        <translation>即使校验发现警告也保存（错误时绝不保存）。</translation>
    </message>
    <message>
        <source>wrong number of arguments. Run &quot;%1 %2 --help&quot;.</source>
        <translation>参数数量不对。运行 &quot;%1 %2 --help&quot;。</translation>
    </message>
    <message>
        <source>--format must be text or json.</source>
        <translation>--format 必须是 text 或 json。</translation>
    </message>
    <message>
        <source>--keep must be a whole number, 0 or more.</source>
        <translation>--keep 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>The settings file to check.</source>
        <translation>要检查的设置文件。</translation>
    </message>
    <message>
        <source>Checks a MCPHub settings file against the settings schema and the console&apos;s rules. Exit code 0: no errors; 1: errors found; 2: the file cannot be read as JSON.</source>
        <translation>按设置模式和控制台规则检查 MCPHub 设置文件。退出码 0：没有错误；1：发现错误；2：文件无法作为 JSON 读取。</translation>
    </message>
    <message>
        <source>%1: valid (errors: %2, warnings: %3)</source>
        <translation>%1：有效（错误：%2，警告：%3）</translation>
    </message>
    <message>
        <source>%1: not valid (errors: %2, warnings: %3)</source>
        <translation>%1：无效（错误：%2，警告：%3）</translation>
    </message>
    <message>
        <source>The settings file to rewrite.</source>
        <translation>要重写的设置文件。</translation>
    </message>
    <message>
        <source>Rewrites a settings file exactly as MCPHub writes it (2-space indent, no final newline), through the safe save: validated, locked, backed up, atomic.</source>
        <translation>按 MCPHub 的写法完全一致地重写设置文件（2 个空格缩进，末尾无换行），并经过安全保存：校验、加锁、备份、原子替换。</translation>
    </message>
    <message>
        <source>%1 is already in MCPHub&apos;s format; nothing was written.</source>
        <translation>%1 已经是 MCPHub 的格式；未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 rewritten in MCPHub&apos;s format.</source>
        <translation>已按 MCPHub 的格式重写 %1。</translation>
    </message>
    <message>
        <source>%1 rewritten in MCPHub&apos;s format; the previous content is in %2.</source>
        <translation>已按 MCPHub 的格式重写 %1；之前的内容保存在 %2。</translation>
    </message>
    <message>
        <source>The settings file.</source>
        <translation>设置文件。</translation>
    </message>
    <message>
        <source>Lists the backups of a settings file, newest first, with their time, size and what they hold.</source>
        <translation>列出设置文件的备份（最新的在前），包括时间、大小和内容概要。</translation>
    </message>
    <message>
        <source>%1 has no backups.</source>
        <translation>%1 没有备份。</translation>
    </message>
    <message>
        <source>%1 servers, %2 users, %3 groups</source>
        <translation>%1 个服务器，%2 个用户，%3 个分组</translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>The backup: its file name, its timestamp or its path.</source>
        <translation>备份：其文件名、时间戳或路径。</translation>
    </message>
    <message>
        <source>Puts a backup&apos;s content back into the settings file. The content it replaces is backed up first, even if it is not valid JSON.</source>
        <translation>把备份的内容放回设置文件。被替换的内容会先备份，即使它不是有效的 JSON。</translation>
    </message>
    <message>
        <source>%1 already holds that content; nothing was written.</source>
        <translation>%1 已经是该内容；未写入任何内容。</translation>
    </message>
    <message>
        <source>Restored %1 into %2.</source>
        <translation>已将 %1 恢复到 %2。</translation>
    </message>
    <message>
        <source>Restored %1 into %2; the content it replaced is in %3.</source>
        <translation>已将 %1 恢复到 %2；被替换的内容保存在 %3。</translation>
    </message>
    <message>
        <source>Usage: %1 backups list FILE | backups restore FILE BACKUP</source>
        <translation>用法：%1 backups list FILE | backups restore FILE BACKUP</translation>
    </message>
    <message>
        <source>backups needs list or restore. Run &quot;%1 backups --help&quot;.</source>
        <translation>backups 需要 list 或 restore。运行 &quot;%1 backups --help&quot;。</translation>
    </message>
    <message>
        <source>Check a settings file (schema and rules).</source>
        <translation>检查设置文件（模式和规则）。</translation>
    </message>
    <message>
        <source>Rewrite a settings file in MCPHub&apos;s format, safely.</source>
        <translation>以 MCPHub 的格式安全地重写设置文件。</translation>
    </message>
    <message>
        <source>List or restore a settings file&apos;s backups.</source>
        <translation>列出或恢复设置文件的备份。</translation>
    </message>
    <message>
        <source>internal error, nothing more was done: %1. Please report it.</source>
        <translation>内部错误，未再做任何操作：%1。请报告此问题。</translation>
    </message>
    <message>
        <source>Run the command again: it loads the file&apos;s new content.</source>
        <translation>请再次运行该命令：它会载入文件的新内容。</translation>
    </message>
    <message>
        <source>Give --allow-warnings to save them anyway.</source>
        <translation>加上 --allow-warnings 即可连同警告一起保存。</translation>
    </message>
    <message>
        <source>Give --conflict skip to keep the database&apos;s entries or --conflict overwrite to replace them.</source>
        <translation>加上 --conflict skip 保留数据库中的条目，或加上 --conflict overwrite 替换它们。</translation>
    </message>
    <message>
        <source>Give --skip-invalid --rejects FILE to migrate the rest.</source>
        <translation>加上 --skip-invalid --rejects FILE 以迁移其余记录。</translation>
    </message>
    <message>
        <source>Give --rejects FILE with --skip-invalid.</source>
        <translation>请在 --skip-invalid 之外加上 --rejects FILE。</translation>
    </message>
    <message>
        <source>&quot;%1 profile unbind PROFILE&quot; unbinds it.</source>
        <translation>“%1 profile unbind PROFILE”可解除绑定。</translation>
    </message>
    <message>
        <source>Open it with --hub-db CONNINFO to administer the hub&apos;s own tables.</source>
        <translation>请用 --hub-db CONNINFO 打开它，以管理该 hub 自己的表。</translation>
    </message>
    <message>
        <source>Give --create to create MCPHub&apos;s tables there.</source>
        <translation>给出 --create 以在其中创建 MCPHub 的表。</translation>
    </message>
    <message>
        <source>Give --accept-loss to migrate without what the plan lists as lost.</source>
        <translation>加上 --accept-loss 以在不含计划中列为丢失内容的情况下迁移。</translation>
    </message>
    <message>
        <source>Hear other consoles&apos; changes live; deliver the Redis outbox.</source>
        <translation>实时接收其他控制台的更改；投递 Redis 发件箱。</translation>
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
    <message>
        <source>path or profile</source>
        <translation>路径或配置</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Open this workspace: an MCPHub settings file (.json), a SQLite file or the name of a saved connection profile.</source>
        <translation>打开此工作区：MCPHub 设置文件（.json）、SQLite 文件或已保存连接配置的名称。</translation>
    </message>
    <message>
        <source>Show this area first: users, servers, groups, keys, config, records, usage, audit, backups (settings files), hubs or replication (PostgreSQL).</source>
        <translation>首先显示此区域：users、servers、groups、keys、config、records、usage、audit、backups（设置文件）、hubs 或 replication（PostgreSQL）。</translation>
    </message>
    <message>
        <source>With --screenshot: render this dialog instead of the main window: open-settings (File ▸ Open settings file…), connect-mcphub (File ▸ Connect to MCPHub database…), about (Help ▸ About), apply-all (the preview of Edit ▸ Apply all, with sample edits), shortcuts (Help ▸ Keyboard shortcuts), connections (File ▸ Connections…) or preferences (Edit ▸ Preferences…).</source>
        <translation>与 --screenshot 一起使用：渲染此对话框而非主窗口：open-settings（文件 ▸ 打开设置文件…）、connect-mcphub（文件 ▸ 连接到 MCPHub 数据库…）、about（帮助 ▸ 关于）、apply-all（编辑 ▸ 全部应用 的预览，含示例编辑）、shortcuts（帮助 ▸ 键盘快捷键）、connections（文件 ▸ 连接…）或 preferences（编辑 ▸ 首选项…）。</translation>
    </message>
    <message>
        <source>--dialog: unknown dialog &quot;%1&quot;; say open-settings, connect-mcphub, about, apply-all, shortcuts, connections or preferences.</source>
        <translation>--dialog：未知对话框“%1”；请使用 open-settings、connect-mcphub、about、apply-all、shortcuts、connections 或 preferences。</translation>
    </message>
    <message>
        <source>--tab: unknown area &quot;%1&quot;; say users, servers, groups, keys, config, records, usage, audit, backups, hubs or replication.</source>
        <translation>--tab：未知区域“%1”；请使用 users、servers、groups、keys、config、records、usage、audit、backups、hubs 或 replication。</translation>
    </message>
    <message>
        <source>Publish the changes to this Redis (config:update) and refresh live from it: redis://host:port[/db].</source>
        <translation>将更改发布到此 Redis（config:update）并据此实时刷新：redis://host:port[/db]。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
</context>
<context>
    <name>mcphub::AboutDialog</name>
    <message>
        <source>About MCPHub Admin Console</source>
        <translation>关于 MCPHub 管理控制台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MCPHub Admin Console %1&lt;/h3&gt;&lt;p&gt;Safe settings files, one database schema on SQLite and PostgreSQL, MCPHub&apos;s own database, migration and monitoring for MCPHub.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MCPHub 管理控制台 %1&lt;/h3&gt;&lt;p&gt;为 MCPHub 提供安全的设置文件、SQLite 与 PostgreSQL 上统一的数据库结构、MCPHub 自己的数据库、迁移与监控。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>SQL drivers</source>
        <translation>SQL 驱动</translation>
    </message>
    <message>
        <source>Database libraries</source>
        <translation>数据库库</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Keychain service</source>
        <translation>钥匙串服务</translation>
    </message>
    <message>
        <source>Embedded database</source>
        <translation>内置数据库</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache 许可证 2.0</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy these facts to the clipboard, for a bug report.</source>
        <translation>将这些信息复制到剪贴板，用于报告问题。</translation>
    </message>
</context>
<context>
    <name>mcphub::ApplyAllDialog</name>
    <message>
        <source>Apply all</source>
        <translation>全部应用</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) on %1 page(s) will be written to the workspace in one transaction: all of them or, if one fails, none.</source>
        <translation>
            <numerusform>%1 个页面上的 %n 行将在一个事务中写入工作区：要么全部写入，要么在任一行失败时全部不写入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Page, row and field</source>
        <translation>页面、行和字段</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>    %1: %2</source>
        <translation>    %1：%2</translation>
    </message>
    <message>
        <source>    %1: %2 → %3</source>
        <translation>    %1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>mcphub::AuditLogModel</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
</context>
<context>
    <name>mcphub::AuditLogPage</name>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Only changes by this user (exact name).</source>
        <translation>仅显示此用户所做的更改（完整名称）。</translation>
    </message>
    <message>
        <source>Resource, e.g. servers/</source>
        <translation>资源，例如 servers/</translation>
    </message>
    <message>
        <source>Only changes to resources that start with this text.</source>
        <translation>仅显示以此文本开头的资源的更改。</translation>
    </message>
</context>
<context>
    <name>mcphub::BackupsPage</name>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Put the selected backup back as the settings file. The current content is backed up first.</source>
        <translation>用所选备份替换设置文件。当前内容会先被备份。</translation>
    </message>
    <message>
        <source>Read the list of backups again.</source>
        <translation>重新读取备份列表。</translation>
    </message>
    <message>
        <source>Backups of %1, newest first:</source>
        <translation>%1 的备份（最新的在前）：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No backups yet: one is made before every save of the file.</source>
        <translation>暂无备份：每次保存文件之前都会创建一个备份。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace %1 with the backup from %2?

The current content is backed up first. The workspace is opened again from the restored file, so edits not yet applied are dropped.</source>
        <translation>用 %2 的备份替换 %1？

当前内容会先被备份。工作区将从恢复后的文件重新打开，尚未应用的编辑将被丢弃。</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>未恢复：%1</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>已恢复 %1。</translation>
    </message>
    <message>
        <source>Restore &amp;allowing warnings</source>
        <translation>允许警告并恢复(&amp;A)</translation>
    </message>
    <message>
        <source>Restore the backup although the validator warns about the values listed below.</source>
        <translation>即使校验器对下列值给出警告，也恢复该备份。</translation>
    </message>
    <message numerus="yes">
        <source>The backup has %n warning(s), so it was not restored yet. Restore it anyway?</source>
        <translation>
            <numerusform>该备份有 %n 条警告，因此尚未恢复。仍要恢复吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mcphub::BearerKeyTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问范围</translation>
    </message>
    <message>
        <source>Allowed groups</source>
        <translation>允许的分组</translation>
    </message>
    <message>
        <source>Allowed servers</source>
        <translation>允许的服务器</translation>
    </message>
    <message>
        <source>The key was deleted meanwhile (by another console?). Revert this row or add it again.</source>
        <translation>此密钥在此期间已被删除（可能是另一个控制台？）。请还原此行或重新添加。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <source>The token is empty: generate one.</source>
        <translation>令牌为空：请生成一个。</translation>
    </message>
</context>
<context>
    <name>mcphub::ConnectMcphubDialog</name>
    <message>
        <source>Connect to MCPHub database</source>
        <translation>连接到 MCPHub 数据库</translation>
    </message>
    <message>
        <source>Administer a hub running in database mode: its users and usage log are edited in MCPHub&apos;s own tables, exactly as MCPHub writes them, and the tables themselves are never altered. The console keeps its audit trail there in the schema mcphub_admin.</source>
        <translation>管理以数据库模式运行的 hub：其用户和使用日志在 MCPHub 自己的表中编辑，写法与 MCPHub 完全相同，表结构绝不改动。控制台在其中的 schema mcphub_admin 里保存审计记录。</translation>
    </message>
    <message>
        <source>host=db.example.org dbname=mcphub user=mcphub, or postgresql://…</source>
        <translation>host=db.example.org dbname=mcphub user=mcphub，或 postgresql://…</translation>
    </message>
    <message>
        <source>The DB_URL the hub runs with, or a connection string as psql takes it.</source>
        <translation>hub 运行时使用的 DB_URL，或 psql 接受的连接字符串。</translation>
    </message>
    <message>
        <source>kept in memory for this session only</source>
        <translation>仅在本次会话的内存中保留</translation>
    </message>
    <message>
        <source>Create MCPHub&apos;s tables when the database has none</source>
        <translation>数据库中没有 MCPHub 的表时创建它们</translation>
    </message>
    <message>
        <source>Exactly as MCPHub creates them, so that a hub can later start on this database without changing anything.</source>
        <translation>与 MCPHub 创建的完全相同，使 hub 以后能在此数据库上启动而不做任何更改。</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Enter where MCPHub&apos;s database is.</source>
        <translation>请输入 MCPHub 数据库的位置。</translation>
    </message>
</context>
<context>
    <name>mcphub::ConnectionKeeper</name>
    <message>
        <source>Cannot ask the database server whether it is the primary.</source>
        <translation>无法询问数据库服务器是否为主库。</translation>
    </message>
    <message>
        <source>The connection to the database is being opened again.</source>
        <translation>正在重新打开与数据库的连接。</translation>
    </message>
    <message>
        <source>The connection to the database broke.</source>
        <translation>与数据库的连接已中断。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>%1 is a standby; waiting for a primary.</source>
        <translation>%1 是备库；正在等待主库。</translation>
    </message>
    <message>
        <source>The connection to the database broke and could not be opened again within %1 s.</source>
        <translation>与数据库的连接已中断，且在 %1 秒内无法重新打开。</translation>
    </message>
    <message>
        <source>The connection to the database is being opened again; the change was not saved. Apply it again once the console is connected.</source>
        <translation>正在重新打开与数据库的连接；此更改未保存。控制台连接后请再次应用。</translation>
    </message>
    <message>
        <source>The connection to the database broke during the change, which was not saved (change id %1), and trying it again failed: %2</source>
        <translation>更改期间与数据库的连接中断，此更改未保存（更改 ID %1），重试也失败了：%2</translation>
    </message>
    <message>
        <source>The connection to the database broke during the change, and whether it was saved is not known: the database could not be asked again. Look for change id %1 in the audit log before applying it again.</source>
        <translation>更改期间与数据库的连接中断，无法再次询问数据库，因此不确定更改是否已保存。再次应用前，请在审计日志中查找更改 ID %1。</translation>
    </message>
    <message>
        <source>The connection to the database broke twice during the change, which was not saved (change id %1). Apply it again.</source>
        <translation>更改期间与数据库的连接两次中断，此更改未保存（更改 ID %1）。请再次应用。</translation>
    </message>
</context>
<context>
    <name>mcphub::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Saved connection profiles</source>
        <translation>已保存的连接配置</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;; the name the CLI&apos;s --profile takes.</source>
        <translation>1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;；即 CLI 的 --profile 所接受的名称。</translation>
    </message>
    <message>
        <source>Console database on PostgreSQL</source>
        <translation>PostgreSQL 上的控制台数据库</translation>
    </message>
    <message>
        <source>MCPHub&apos;s own database (hub in database mode)</source>
        <translation>MCPHub 自身的数据库（数据库模式下的集线器）</translation>
    </message>
    <message>
        <source>Console database in a SQLite file</source>
        <translation>SQLite 文件中的控制台数据库</translation>
    </message>
    <message>
        <source>db1.example.org, db2.example.org</source>
        <translation>db1.example.org, db2.example.org</translation>
    </message>
    <message>
        <source>One host, or several separated by commas: the console connects to the one that accepts writes (the primary).</source>
        <translation>一个主机，或以逗号分隔的多个主机：控制台会连接到接受写入的那一个（主库）。</translation>
    </message>
    <message>
        <source>libpq&apos;s default (prefer)</source>
        <translation>libpq 默认值（prefer）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long to wait for a server to answer before trying the next host or giving up.</source>
        <translation>等待服务器响应的时长，超时后将尝试下一个主机或放弃。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Dual-write: every change applied through this profile is also saved to this MCPHub settings file, in the same step.</source>
        <translation>双写：通过此连接配置应用的每项更改，也会在同一步骤中保存到此 MCPHub 设置文件。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
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
        <source>&amp;Hosts:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>SQLite &amp;file:</source>
        <translation>SQLite 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Bound settings file:</source>
        <translation>绑定的设置文件(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Save the profile and open its workspace.</source>
        <translation>保存连接配置并打开其工作区。</translation>
    </message>
    <message>
        <source>Describe the new connection, then Test it and Save.</source>
        <translation>填写新连接的信息，然后测试并保存。</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>未更改（保存在系统钥匙串中）</translation>
    </message>
    <message>
        <source>Choose the SQLite file of the workspace.</source>
        <translation>选择工作区的 SQLite 文件。</translation>
    </message>
    <message>
        <source>Enter at least one host (a name, an address or a socket folder).</source>
        <translation>请至少输入一个主机（名称、地址或套接字文件夹）。</translation>
    </message>
    <message>
        <source>A profile with this name exists already. Choose another name, or select that profile in the list to edit it.</source>
        <translation>已存在同名的连接配置。请换一个名称，或在列表中选择该连接配置进行编辑。</translation>
    </message>
    <message>
        <source>Saved profile %1; its password goes to the system keychain.</source>
        <translation>已保存连接配置 %1；其密码已存入系统钥匙串。</translation>
    </message>
    <message>
        <source>Saved profile %1.</source>
        <translation>已保存连接配置 %1。</translation>
    </message>
    <message>
        <source>Removed profile %1 and its stored password.</source>
        <translation>已删除连接配置 %1 及其存储的密码。</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除连接配置</translation>
    </message>
    <message>
        <source>Remove the connection profile %1 and its password in the system keychain? The database itself is not touched.</source>
        <translation>要删除连接配置 %1 及其在系统钥匙串中的密码吗？数据库本身不受影响。</translation>
    </message>
    <message>
        <source>Reading the password from the system keychain…</source>
        <translation>正在从系统钥匙串读取密码…</translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation>正在打开文件…</translation>
    </message>
    <message numerus="yes">
        <source>Connecting (at most %n second(s))…</source>
        <translation>
            <numerusform>正在连接（最多 %n 秒）…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>Connected: %1.</source>
        <translation>已连接：%1。</translation>
    </message>
    <message>
        <source>the primary (accepts writes)</source>
        <translation>主库（接受写入）</translation>
    </message>
    <message>
        <source>a standby (read-only, in recovery)</source>
        <translation>备库（只读，处于恢复状态）</translation>
    </message>
    <message>
        <source>a local socket</source>
        <translation>本地套接字</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 on %2: %3.
%4</source>
        <translation>已连接到 %2 上的 PostgreSQL %1：%3。
%4</translation>
    </message>
    <message>
        <source>SQLite workspace</source>
        <translation>SQLite 工作区</translation>
    </message>
    <message>
        <source>SQLite workspaces (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite 工作区 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Bound settings file</source>
        <translation>绑定的设置文件</translation>
    </message>
    <message>
        <source>MCPHub settings (*.json)</source>
        <translation>MCPHub 设置 (*.json)</translation>
    </message>
    <message>
        <source>none (redis://host:port/db)</source>
        <translation>无（redis://主机:端口/数据库）</translation>
    </message>
    <message>
        <source>Optional. Each committed settings change is published to this Redis (config:update) for the hub and other consoles; changes wait in an outbox while it is down.</source>
        <translation>可选。每个已提交的设置变更都会发布到此 Redis（config:update），供集线器和其他控制台使用；Redis 不可用时，变更在发件箱中等待。</translation>
    </message>
    <message>
        <source>none (host=monitor port=5431 dbname=pg_auto_failover)</source>
        <translation>无（host=监控节点 port=5431 dbname=pg_auto_failover）</translation>
    </message>
    <message>
        <source>Optional. The connection string of the pg_auto_failover monitor of this server&apos;s formation: the Replication page lists the formation&apos;s nodes from it.</source>
        <translation>可选。此服务器所在 pg_auto_failover 集群的监控节点连接字符串：主备复制页面据此列出集群的各个节点。</translation>
    </message>
    <message>
        <source>R&amp;edis:</source>
        <translation>Redis(&amp;E)：</translation>
    </message>
    <message>
        <source>Failover &amp;monitor:</source>
        <translation>故障转移监控节点(&amp;M)：</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>The failover monitor is not a connection string: %1</source>
        <translation>故障转移监控节点不是连接字符串：%1</translation>
    </message>
    <message>
        <source>Failover monitor</source>
        <translation>故障转移监控节点</translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation>SSL 模式(&amp;L)：</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>超时(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>mcphub::DualWriteIndicator</name>
    <message>
        <source>Dual-write: %1</source>
        <translation>双写：%1</translation>
    </message>
    <message>
        <source>Every change applied here is also saved to %1, in the same step as the database, or neither.</source>
        <translation>在此应用的每项更改也会保存到 %1，与数据库在同一步骤中完成，要么都成功，要么都不保存。</translation>
    </message>
    <message numerus="yes">
        <source>Drift: %n difference(s) · Details…</source>
        <translation>
            <numerusform>偏差：%n 处不同 · 详情…</numerusform>
        </translation>
    </message>
    <message>
        <source>The bound settings file differed from the database when the workspace was opened. Show the differences.</source>
        <translation>打开工作区时，绑定的设置文件与数据库不一致。显示这些差异。</translation>
    </message>
    <message>
        <source>Bound settings file differs from the database</source>
        <translation>绑定的设置文件与数据库不一致</translation>
    </message>
    <message numerus="yes">
        <source>%1 differs from the database in %n place(s).</source>
        <translation>
            <numerusform>%1 与数据库有 %n 处不同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was written when the workspace was opened. The database is the source of truth: the next change you apply rewrites %1 with what the database holds. To keep something that only the file has, migrate the file into the database first.</source>
        <translation>打开工作区时没有写入任何内容。以数据库为准：您下一次应用的更改会用数据库中的内容重写 %1。若要保留只有该文件才有的内容，请先把该文件迁移到数据库中。</translation>
    </message>
</context>
<context>
    <name>mcphub::EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Undo the last edit: in a text field its typing, elsewhere the page&apos;s last pending edit.</source>
        <translation>撤销上一次编辑：在文本框中撤销输入，在其他位置撤销本页最后一项待应用的编辑。</translation>
    </message>
    <message>
        <source>Redo the edit you undid.</source>
        <translation>重做已撤销的编辑。</translation>
    </message>
    <message>
        <source>Cut the selected text.</source>
        <translation>剪切所选文本。</translation>
    </message>
    <message>
        <source>Copy the selected text, or the selected cells with their column headers.</source>
        <translation>复制所选文本，或复制所选单元格及其列标题。</translation>
    </message>
    <message>
        <source>Paste into the text field.</source>
        <translation>粘贴到文本框中。</translation>
    </message>
    <message>
        <source>Search this page: go to its search or filter field.</source>
        <translation>搜索本页：转到本页的搜索或筛选框。</translation>
    </message>
</context>
<context>
    <name>mcphub::FindingsBrowser</name>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Settings file text</source>
        <translation>设置文件文本</translation>
    </message>
    <message>
        <source>%1 at %2, %3: %4</source>
        <translation>%1，位于 %2，%3：%4</translation>
    </message>
</context>
<context>
    <name>mcphub::FindingsModel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>(whole document)</source>
        <translation>（整个文档）</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>JSON pointer</source>
        <translation>JSON 指针</translation>
    </message>
    <message>
        <source>Line:column</source>
        <translation>行:列</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>mcphub::GroupTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The group was deleted meanwhile (by another console?). Revert this row or add it again.</source>
        <translation>此分组在此期间已被删除（可能是另一个控制台？）。请还原此行或重新添加。</translation>
    </message>
    <message>
        <source>Change the servers of %1</source>
        <translation>更改 %1 的服务器</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
</context>
<context>
    <name>mcphub::GroupsPage</name>
    <message>
        <source>Add a group; name it and check its servers.</source>
        <translation>添加分组；为其命名并勾选其服务器。</translation>
    </message>
    <message>
        <source>Checked servers belong to the group.</source>
        <translation>勾选的服务器属于此分组。</translation>
    </message>
    <message>
        <source>all tools</source>
        <translation>全部工具</translation>
    </message>
    <message>
        <source>The selected server&apos;s tools offered in this group, separated by commas (unprefixed names); empty offers all of them.</source>
        <translation>此分组中提供的所选服务器的工具，以逗号分隔（不带前缀的名称）；留空则提供全部工具。</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Tools of the selected server:</source>
        <translation>所选服务器的工具：</translation>
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
    <name>mcphub::HubAlertSettingsDialog</name>
    <message>
        <source>Hub alert settings</source>
        <translation>Hub 告警设置</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A hub raises an alert when its state gets worse, when it recovers, and when the share of failed tool calls since its previous poll is above the threshold.</source>
        <translation>当 Hub 的状态变差、恢复，或自上次轮询以来失败的工具调用比例超过阈值时，会发出告警。</translation>
    </message>
    <message>
        <source>&amp;Error rate above:</source>
        <translation>错误率高于(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Repeat an alert after:</source>
        <translation>再次告警的间隔(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Fewest calls in a poll to count:</source>
        <translation>一次轮询中计入的最少调用次数(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>mcphub::HubChangeApplier</name>
    <message>
        <source>The hub answered %1: %2</source>
        <translation>集线器返回 %1：%2</translation>
    </message>
</context>
<context>
    <name>mcphub::HubChangesReporter</name>
    <message>
        <source>&amp;Hub results...</source>
        <translation>集线器结果(&amp;H)...</translation>
    </message>
    <message>
        <source>What the hubs running on this database answered when they were told the last change.</source>
        <translation>在此数据库上运行的集线器收到上次更改的通知时返回的结果。</translation>
    </message>
    <message>
        <source>Stopping the removed or renamed servers on the hubs that run on this database first...</source>
        <translation>正在先停止使用此数据库的集线器上已删除或已重命名的服务器...</translation>
    </message>
    <message numerus="yes">
        <source>Hubs on this database told: %1 done, %2 at their next restart, %3 failed (%n hub(s)).</source>
        <translation>
            <numerusform>已通知使用此数据库的集线器：%1 个已完成，%2 个将在下次重启时生效，%3 个失败（共 %n 个集线器）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hub results</source>
        <translation>集线器结果</translation>
    </message>
</context>
<context>
    <name>mcphub::HubClient</name>
    <message>
        <source>The hub refused the console&apos;s credentials (%1). Check the user name and password, or the bearer key, of this hub.</source>
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
        <source>The hub&apos;s answer is larger than %1 MB, so the console stopped reading it. Check that the URL points at MCPHub.</source>
        <translation>Hub 的答复超过 %1 MB，控制台已停止读取。请检查 URL 是否指向 MCPHub。</translation>
    </message>
    <message>
        <source>The hub&apos;s TLS certificate is not trusted. If this is the hub&apos;s own certificate, trust its SHA-256 fingerprint %1 in this hub&apos;s settings.</source>
        <translation>Hub 的 TLS 证书不受信任。如果这是该 Hub 自己的证书，请在此 Hub 的设置中信任其 SHA-256 指纹 %1。</translation>
    </message>
    <message>
        <source>Could not reach the hub. Check that it is running and that its URL is right.</source>
        <translation>无法连接到 Hub。请检查它是否正在运行以及其 URL 是否正确。</translation>
    </message>
    <message>
        <source>The hub&apos;s answer was cut off (%1 of %2 bytes). The console will try again.</source>
        <translation>Hub 的答复被截断（%2 字节中仅收到 %1 字节）。控制台将重试。</translation>
    </message>
    <message>
        <source>The hub&apos;s rate limit is used up; the console waits %1 s as the hub asks before its next rate-limited request.</source>
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
        <source>&amp;Password or key:</source>
        <translation>密码或密钥(&amp;P)：</translation>
    </message>
    <message>
        <source>Poll &amp;interval:</source>
        <translation>轮询间隔(&amp;I)：</translation>
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
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Ask the hub for its version and, with credentials, its servers.</source>
        <translation>向集线器查询其版本；若提供凭据，还会查询其服务器。</translation>
    </message>
    <message>
        <source>Reading the stored secret from the system keychain…</source>
        <translation>正在从系统钥匙串读取已存储的机密…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Not reached: %1</source>
        <translation>无法连通：%1</translation>
    </message>
    <message numerus="yes">
        <source>Reached MCPHub %1: %n server(s), %2 connected.</source>
        <translation>
            <numerusform>已连通 MCPHub %1：%n 个服务器，%2 个已连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reached MCPHub %1 (its servers are listed with credentials only).</source>
        <translation>已连通 MCPHub %1（仅在提供凭据时才会列出其服务器）。</translation>
    </message>
    <message>
        <source>Ti&amp;meout:</source>
        <translation>超时(&amp;M)：</translation>
    </message>
    <message>
        <source>Us&amp;er name:</source>
        <translation>用户名(&amp;E)：</translation>
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
    <message>
        <source>Acknowledged %1</source>
        <translation>已确认 %1</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
    <name>mcphub::HubOverviewStrip</name>
    <message numerus="yes">
        <source>%1: %2, %n unacknowledged event(s)</source>
        <translation>
            <numerusform>%1：%2，%n 个未确认的事件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1: not polled yet</source>
        <translation>%1：尚未轮询</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged event(s): see Events</source>
        <translation>
            <numerusform>%n 个未确认的事件：请查看“事件”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mcphub::HubPoller</name>
    <message>
        <source>%1: the hub&apos;s rate limit is used up; rate-limited requests resume in %2 s.</source>
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
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
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
    <message>
        <source>Alert &amp;settings…</source>
        <translation>告警设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Storing the password of hub %1 in the system keychain…</source>
        <translation>正在将 Hub %1 的密码存入系统钥匙串…</translation>
    </message>
    <message>
        <source>Removing the password of hub %1 from the system keychain…</source>
        <translation>正在从系统钥匙串中删除 Hub %1 的密码…</translation>
    </message>
    <message>
        <source>A&amp;cknowledge</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <source>Mark the selected events as seen: they no longer count on the hub&apos;s badge.</source>
        <translation>将所选事件标记为已查看：它们不再计入集线器的徽标计数。</translation>
    </message>
    <message>
        <source>Acknowledge a&amp;ll</source>
        <translation>全部确认(&amp;L)</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>事件（%1）</translation>
    </message>
    <message>
        <source>Acknowledge events</source>
        <translation>确认事件</translation>
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
        <source>&quot;%1&quot; appears more than once; only one value can be kept.</source>
        <translation>&quot;%1&quot; 出现了不止一次；只能保留一个值。</translation>
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
    <name>mcphub::KeysPage</name>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Add a key with a new random token.</source>
        <translation>添加一个带有新随机令牌的密钥。</translation>
    </message>
    <message>
        <source>Replace the token with 32 random bytes from the system&apos;s generator. Clients using the old token stop working after Apply.</source>
        <translation>用系统随机数生成器产生的 32 个随机字节替换令牌。应用后，使用旧令牌的客户端将无法再访问。</translation>
    </message>
    <message>
        <source>all: every server; groups or servers: only those listed; custom: the listed groups and servers together.</source>
        <translation>all：所有服务器；groups 或 servers：仅列出的那些；custom：列出的分组和服务器合在一起。</translation>
    </message>
    <message>
        <source>group names, separated by commas</source>
        <translation>分组名称，以逗号分隔</translation>
    </message>
    <message>
        <source>server names, separated by commas</source>
        <translation>服务器名称，以逗号分隔</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>访问范围：</translation>
    </message>
    <message>
        <source>Allowed groups:</source>
        <translation>允许的分组：</translation>
    </message>
    <message>
        <source>Allowed servers:</source>
        <translation>允许的服务器：</translation>
    </message>
</context>
<context>
    <name>mcphub::LogView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>选择一行以查看其详情。</translation>
    </message>
    <message>
        <source>Copy the selected rows with their column headers.</source>
        <translation>复制所选行及其列标题。</translation>
    </message>
    <message>
        <source>Write every row that matches the filter to a CSV or JSON file.</source>
        <translation>将所有符合筛选条件的行写入 CSV 或 JSON 文件。</translation>
    </message>
    <message>
        <source>Count unknown</source>
        <translation>数量未知</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the log</source>
        <translation>无法读取日志</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1：无法写入文件：%2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行导出到 %1。</numerusform>
        </translation>
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
        <source>Workspace: %1 — %2</source>
        <translation>工作区：%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n 项待应用更改</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>待应用的更改</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been applied to the workspace. Apply them before closing?</source>
        <translation>
            <numerusform>有 %n 项更改尚未应用到工作区。关闭前是否应用？</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes not applied</source>
        <translation>更改未应用</translation>
    </message>
    <message>
        <source>&amp;Migrate settings file…</source>
        <translation>迁移设置文件(&amp;M)…</translation>
    </message>
    <message>
        <source>Move an MCPHub settings file (and its logs) into a workspace database: validated, planned, verified, with a backup.</source>
        <translation>将 MCPHub 设置文件（及其日志）迁移到工作区数据库：先校验、规划，完成后核对，并保留备份。</translation>
    </message>
    <message>
        <source>%1[*] — MCPHub Admin Console</source>
        <translation>%1[*] — MCPHub 管理控制台</translation>
    </message>
    <message>
        <source>&amp;Apply all…</source>
        <translation>全部应用(&amp;A)…</translation>
    </message>
    <message>
        <source>Apply all</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <source>Write the pending edits of every page, after a preview, in one transaction (%1).</source>
        <translation>预览后，在一个事务中写入所有页面待应用的编辑（%1）。</translation>
    </message>
    <message>
        <source>Re&amp;vert all…</source>
        <translation>全部还原(&amp;V)…</translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation>全部还原</translation>
    </message>
    <message>
        <source>Drop the pending edits of every page.</source>
        <translation>丢弃所有页面待应用的编辑。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help for this page</source>
        <translation>本页帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Nothing to apply: no page has pending edits.</source>
        <translation>没有可应用的内容：没有页面有待应用的编辑。</translation>
    </message>
    <message numerus="yes">
        <source>Drop %n pending change(s) on every page? This cannot be undone.</source>
        <translation>
            <numerusform>要丢弃所有页面上的 %n 项待应用的更改吗？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>帮助：%1</translation>
    </message>
    <message>
        <source>Edits stay pending until you apply them: Apply on the page writes that page, Apply all (%1) writes every page in one transaction after a preview. Undo (%2) steps back through the pending edits; Find (%3) goes to the page&apos;s search field. Help ▸ Keyboard shortcuts lists every key.</source>
        <translation>编辑在应用之前一直处于待应用状态：页面上的“应用”写入该页，“全部应用”（%1）在预览后于一个事务中写入所有页面。“撤销”（%2）逐步回退待应用的编辑；“查找”（%3）转到本页的搜索框。“帮助 ▸ 键盘快捷键”列出了所有按键。</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationCountsModel</name>
    <message>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Identical</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Conflicting</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>已写入</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>The file&apos;s top level</source>
        <translation>文件的顶层</translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationPlanPage</name>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>A dry run of the migration: everything is done and checked, then rolled back. Nothing is written until you choose Migrate.</source>
        <translation>迁移的试运行：全部步骤都会执行并检查，然后回滚。在您选择“迁移”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>迁移(&amp;M)</translation>
    </message>
    <message>
        <source>Entries per entity</source>
        <translation>各实体的条目</translation>
    </message>
    <message>
        <source>Conflicts, rejected records and warnings:</source>
        <translation>冲突、被拒绝的记录和警告：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>JSON pointer</source>
        <translation>JSON 指针</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Conflicts, rejected records and warnings</source>
        <translation>冲突、被拒绝的记录和警告</translation>
    </message>
    <message>
        <source>Planning the migration…</source>
        <translation>正在规划迁移…</translation>
    </message>
    <message>
        <source>The target cannot be opened: %1</source>
        <translation>无法打开目标：%1</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>The migration would fail: %1</source>
        <translation>迁移将会失败：%1</translation>
    </message>
    <message>
        <source>What would change: %1 new, %2 replaced, %3 conflicting kept as the database holds them, %4 identical left as they are, %5 invalid left out.</source>
        <translation>将发生的变更：新增 %1 条，替换 %2 条，%3 条冲突条目保留数据库中的版本，%4 条相同条目保持不变，%5 条无效记录被排除。</translation>
    </message>
    <message>
        <source>Migrate writes into: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>迁移将写入：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Migrate into %1</source>
        <translation>迁移到 %1</translation>
    </message>
    <message>
        <source>What is lost</source>
        <translation>丢失的内容</translation>
    </message>
    <message>
        <source>What MCPHub&apos;s tables cannot hold</source>
        <translation>MCPHub 的表无法保存的内容</translation>
    </message>
    <message>
        <source>New id</source>
        <translation>新 id</translation>
    </message>
    <message>
        <source>Kept (not in the file)</source>
        <translation>保留（不在文件中）</translation>
    </message>
    <message>
        <source>Removed (prune)</source>
        <translation>已删除（prune）</translation>
    </message>
    <message numerus="yes">
        <source>MCPHub&apos;s tables have no place for %n part(s) of the file. The migration leaves them out only when you accept it:</source>
        <translation>
            <numerusform>MCPHub 的表无法存放文件中的 %n 处内容。只有在您接受时，迁移才会略去它们：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Accept losing these %n item(s)</source>
        <translation>
            <numerusform>接受丢失这 %n 项(&amp;A)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Migrate waits: %n part(s) of the file would be lost (listed below). Tick &quot;Accept losing&quot; to plan the migration without them.</source>
        <translation>
            <numerusform>迁移暂停：文件中有 %n 处内容将会丢失（列于下方）。勾选“接受丢失”以在不含它们的情况下规划迁移。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationProgressPage</name>
    <message>
        <source>Migrating</source>
        <translation>正在迁移</translation>
    </message>
    <message>
        <source>Everything is written in one transaction: until it commits, cancelling leaves the database as it was.</source>
        <translation>所有内容在一个事务中写入：在提交之前取消，数据库将保持原样。</translation>
    </message>
    <message>
        <source>&amp;Cancel migration</source>
        <translation>取消迁移(&amp;C)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1: %2 (%3 of %4)</source>
        <translation>%1：%2（%3 / %4）</translation>
    </message>
    <message>
        <source>The migration completed and was verified (run %1).</source>
        <translation>迁移已完成并通过核对（运行 %1）。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed in the workspace.</source>
        <translation>已取消：工作区中没有任何更改。</translation>
    </message>
    <message>
        <source>The migration failed and nothing was changed: %1</source>
        <translation>迁移失败，未做任何更改：%1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Stopping the servers the migration removes on the hubs that run on this database first…</source>
        <translation>正在先在运行于此数据库上的集线器中停止迁移将删除的服务器…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationResultPage</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Entries per entity</source>
        <translation>各实体的条目</translation>
    </message>
    <message>
        <source>JSON pointer</source>
        <translation>JSON 指针</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Verification differences</source>
        <translation>核对差异</translation>
    </message>
    <message>
        <source>&lt;b&gt;Migration run %1 completed&lt;/b&gt; into %2.</source>
        <translation>&lt;b&gt;迁移运行 %1 已完成&lt;/b&gt;，目标为 %2。</translation>
    </message>
    <message>
        <source>Verification passed: every entry read back from the database equals the file, field by field.</source>
        <translation>核对通过：从数据库读回的每个条目都与文件逐字段一致。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancelled&lt;/b&gt;: nothing was changed in the workspace.</source>
        <translation>&lt;b&gt;已取消&lt;/b&gt;：工作区中没有任何更改。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The migration failed&lt;/b&gt;; nothing was changed in the workspace.</source>
        <translation>&lt;b&gt;迁移失败&lt;/b&gt;；工作区中没有任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>Verification found %n difference(s) between the file and what the database holds:</source>
        <translation>
            <numerusform>核对发现文件与数据库内容之间有 %n 处差异：</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup of the settings file: %1 in %2</source>
        <translation>设置文件的备份：%2 中的 %1</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>报告：%1</translation>
    </message>
    <message>
        <source>Records left out: %1</source>
        <translation>被排除的记录：%1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>New ids, kept, removed and lost entries</source>
        <translation>新 id、保留、删除和丢失的条目</translation>
    </message>
    <message>
        <source>What each hub answered</source>
        <translation>各集线器的答复</translation>
    </message>
    <message>
        <source>New id</source>
        <translation>新 id</translation>
    </message>
    <message>
        <source>Kept (not in the file)</source>
        <translation>保留（不在文件中）</translation>
    </message>
    <message>
        <source>Removed (prune)</source>
        <translation>已删除（prune）</translation>
    </message>
    <message>
        <source>Lost (accepted)</source>
        <translation>丢失（已接受）</translation>
    </message>
    <message>
        <source>Telling the hubs that run on this database what changed…</source>
        <translation>正在通知运行于此数据库上的集线器有哪些更改…</translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationSourcePage</name>
    <message>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Choose the MCPHub settings file to move into a workspace database. The file is only read; a backup of it is kept beside it.</source>
        <translation>选择要迁移到工作区数据库的 MCPHub 设置文件。该文件只会被读取，并在其旁边保留一份备份。</translation>
    </message>
    <message>
        <source>&amp;Settings file:</source>
        <translation>设置文件(&amp;S)：</translation>
    </message>
    <message>
        <source>Choose the settings file</source>
        <translation>选择设置文件</translation>
    </message>
    <message>
        <source>MCPHub settings (*.json);;All files (*)</source>
        <translation>MCPHub 设置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>mcp_settings.json</source>
        <translation>mcp_settings.json</translation>
    </message>
    <message>
        <source>&amp;Usage log (optional):</source>
        <translation>使用日志（可选）(&amp;U)：</translation>
    </message>
    <message>
        <source>Choose the usage log</source>
        <translation>选择使用日志</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json *.log);;All files (*)</source>
        <translation>JSON 行 (*.jsonl *.json *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>JSON lines: tool calls or MCPHub activities</source>
        <translation>JSON 行：工具调用或 MCPHub 活动</translation>
    </message>
    <message>
        <source>&amp;Access log (optional):</source>
        <translation>访问日志（可选）(&amp;A)：</translation>
    </message>
    <message>
        <source>Choose the access log</source>
        <translation>选择访问日志</translation>
    </message>
    <message>
        <source>JSON lines with the access log&apos;s columns</source>
        <translation>包含访问日志各列的 JSON 行</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>The usage log %1 does not exist.</source>
        <translation>使用日志 %1 不存在。</translation>
    </message>
    <message>
        <source>The access log %1 does not exist.</source>
        <translation>访问日志 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationTargetPage</name>
    <message>
        <source>Target workspace</source>
        <translation>目标工作区</translation>
    </message>
    <message>
        <source>Choose the database the settings go into, and what happens to entries it already holds with other content.</source>
        <translation>选择设置要迁入的数据库，以及如何处理数据库中已存在但内容不同的条目。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The &amp;open workspace</source>
        <translation>当前打开的工作区(&amp;O)</translation>
    </message>
    <message>
        <source>A saved connection &amp;profile:</source>
        <translation>已保存的连接配置(&amp;P)：</translation>
    </message>
    <message>
        <source>A &amp;SQLite file (new or existing):</source>
        <translation>SQLite 文件（新建或已有）(&amp;S)：</translation>
    </message>
    <message>
        <source>workspace.db</source>
        <translation>workspace.db</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Stop: migrate nothing (fail)</source>
        <translation>停止：不迁移任何内容（fail）</translation>
    </message>
    <message>
        <source>Keep the database&apos;s entry (skip)</source>
        <translation>保留数据库中的条目（skip）</translation>
    </message>
    <message>
        <source>Replace it with the file&apos;s entry (overwrite)</source>
        <translation>用文件中的条目替换（overwrite）</translation>
    </message>
    <message>
        <source>&amp;Conflicting entries:</source>
        <translation>冲突条目(&amp;C)：</translation>
    </message>
    <message>
        <source>S&amp;kip invalid records and migrate the rest</source>
        <translation>跳过无效记录并迁移其余内容(&amp;K)</translation>
    </message>
    <message>
        <source>JSON lines of the records left out</source>
        <translation>被排除记录的 JSON 行</translation>
    </message>
    <message>
        <source>&amp;Rejects file:</source>
        <translation>拒绝记录文件(&amp;R)：</translation>
    </message>
    <message>
        <source>Beside the backup of the settings file</source>
        <translation>放在设置文件的备份旁边</translation>
    </message>
    <message>
        <source>Re&amp;port (JSON):</source>
        <translation>报告 (JSON)(&amp;P)：</translation>
    </message>
    <message>
        <source>SQLite workspace</source>
        <translation>SQLite 工作区</translation>
    </message>
    <message>
        <source>SQLite workspaces (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite 工作区 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Rejects file</source>
        <translation>拒绝记录文件</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON 行 (*.jsonl)</translation>
    </message>
    <message>
        <source>Migration report</source>
        <translation>迁移报告</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>%1 is a settings file, not a database.</source>
        <translation>%1 是设置文件，不是数据库。</translation>
    </message>
    <message>
        <source>%1 is read-only.</source>
        <translation>%1 是只读的。</translation>
    </message>
    <message>
        <source>No saved profiles</source>
        <translation>没有已保存的配置</translation>
    </message>
    <message>
        <source>No target was chosen.</source>
        <translation>未选择目标。</translation>
    </message>
    <message>
        <source>the open workspace, %1</source>
        <translation>当前打开的工作区，%1</translation>
    </message>
    <message>
        <source>the open workspace (none is open)</source>
        <translation>当前打开的工作区（没有打开的工作区）</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; (cannot be loaded)</source>
        <translation>配置“%1”（无法加载）</translation>
    </message>
    <message>
        <source>the SQLite file %1</source>
        <translation>SQLite 文件 %1</translation>
    </message>
    <message>
        <source>the SQLite file %1 (a new file, created by the migration)</source>
        <translation>SQLite 文件 %1（新文件，由迁移创建）</translation>
    </message>
    <message>
        <source>SQLite file %1</source>
        <translation>SQLite 文件 %1</translation>
    </message>
    <message>
        <source>PostgreSQL database %1</source>
        <translation>PostgreSQL 数据库 %1</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
    <message>
        <source>%1, bound to the settings file %2</source>
        <translation>%1，绑定到设置文件 %2</translation>
    </message>
    <message>
        <source>Reading the password of profile &quot;%1&quot; from the system keychain…</source>
        <translation>正在从系统钥匙串读取配置“%1”的密码…</translation>
    </message>
    <message>
        <source>The password of profile &quot;%1&quot; is still being read from the system keychain.</source>
        <translation>仍在从系统钥匙串读取配置“%1”的密码。</translation>
    </message>
    <message>
        <source>&amp;MCPHub&apos;s database:</source>
        <translation>MCPHub 的数据库(&amp;M)：</translation>
    </message>
    <message>
        <source>The database of a hub running in database mode: the settings go into MCPHub&apos;s own tables, exactly as MCPHub writes them.</source>
        <translation>以数据库模式运行的集线器的数据库：设置将写入 MCPHub 自己的表，写法与 MCPHub 完全相同。</translation>
    </message>
    <message>
        <source>Connection string below</source>
        <translation>使用下方的连接字符串</translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot;</source>
        <translation>已保存的配置“%1”</translation>
    </message>
    <message>
        <source>host=db.example.org dbname=mcphub user=mcphub, or postgresql://…</source>
        <translation>host=db.example.org dbname=mcphub user=mcphub，或 postgresql://…</translation>
    </message>
    <message>
        <source>The DB_URL the hub runs with, or a connection string as psql takes it.</source>
        <translation>集线器运行时使用的 DB_URL，或 psql 可接受的连接字符串。</translation>
    </message>
    <message>
        <source>Password, kept in memory for this session only</source>
        <translation>密码，仅在本次会话中保存在内存里</translation>
    </message>
    <message>
        <source>R&amp;emove what the file does not describe (prune)</source>
        <translation>删除文件未描述的内容(prune)(&amp;E)</translation>
    </message>
    <message>
        <source>MCPHub&apos;s database only. Warning: servers, groups, bearer keys, users and other rows of MCPHub&apos;s tables that the settings file does not describe are deleted (never the last user, never the activities), admins and keys created in the database included. Unticked, they are kept and listed in the plan.</source>
        <translation>仅适用于 MCPHub 的数据库。警告：MCPHub 的表中设置文件未描述的服务器、分组、Bearer 密钥、用户及其他行都会被删除（绝不删除最后一个用户，绝不删除活动记录），包括在数据库中创建的管理员和密钥。不勾选时，它们会被保留并列在计划中。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s database (no valid connection string)</source>
        <translation>MCPHub 的数据库（没有有效的连接字符串）</translation>
    </message>
    <message>
        <source>Enter where MCPHub&apos;s database is.</source>
        <translation>请输入 MCPHub 数据库的位置。</translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationValidationPage</name>
    <message>
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>What the validator found in the settings file. Double-click a finding to see its place in the file.</source>
        <translation>校验器在设置文件中发现的问题。双击某条结果可查看它在文件中的位置。</translation>
    </message>
    <message>
        <source>The file cannot be read as a settings file: %1</source>
        <translation>无法将该文件作为设置文件读取：%1</translation>
    </message>
    <message>
        <source>The file is valid: no errors, no warnings.</source>
        <translation>文件有效：没有错误，也没有警告。</translation>
    </message>
    <message numerus="yes">
        <source>The file is valid, with %n warning(s); warnings do not stop the migration.</source>
        <translation>
            <numerusform>文件有效，但有 %n 个警告；警告不会阻止迁移。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): the invalid records will be left out and written to the rejects file; an error of the whole document still stops the migration.</source>
        <translation>
            <numerusform>%n 个错误：无效记录将被排除并写入拒绝记录文件；整个文档级别的错误仍会阻止迁移。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): repair the file, or go back and choose to skip invalid records.</source>
        <translation>
            <numerusform>%n 个错误：请修复文件，或返回上一步选择跳过无效记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mcphub::MigrationWizard</name>
    <message>
        <source>Migrate settings file</source>
        <translation>迁移设置文件</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>无法将报告写入 %1：%2</translation>
    </message>
    <message>
        <source>The hubs on %1 were not told what changed (%2); they take it at their next restart.</source>
        <translation>未通知 %1 上的集线器有哪些更改（%2）；它们将在下次重启时生效。</translation>
    </message>
    <message>
        <source>No hub is linked to this database: the hubs running on it take the change at their next restart.</source>
        <translation>没有集线器关联到此数据库：运行于其上的集线器将在下次重启时应用更改。</translation>
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
    <name>mcphub::PagedLogModel</name>
    <message>
        <source>The export could not be written: %1. Choose another file or free some space.</source>
        <translation>无法写入导出文件：%1。请选择其他文件或释放一些空间。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
</context>
<context>
    <name>mcphub::PasswordDialog</name>
    <message>
        <source>Set the password of %1</source>
        <translation>设置 %1 的密码</translation>
    </message>
    <message>
        <source>bcrypt cost: each step doubles the time to check a password. MCPHub uses 10.</source>
        <translation>bcrypt 成本：每增加一级，校验密码的时间加倍。MCPHub 使用 10。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <source>bcrypt cost:</source>
        <translation>bcrypt 成本：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Warning: MCPHub&apos;s own forms would refuse this password:</source>
        <translation>警告：MCPHub 自身的表单会拒绝此密码：</translation>
    </message>
</context>
<context>
    <name>mcphub::PendingDetailPage</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mcphub::PendingPages</name>
    <message>
        <source>Nothing to apply.</source>
        <translation>没有可应用的内容。</translation>
    </message>
    <message>
        <source>Apply all wrote nothing: %1: %2</source>
        <translation>全部应用未写入任何内容：%1：%2</translation>
    </message>
    <message>
        <source>Apply all wrote nothing: %1</source>
        <translation>全部应用未写入任何内容：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) written to the workspace by Apply all.</source>
        <translation>
            <numerusform>全部应用已将 %n 项更改写入工作区。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply all: %n change(s) written</source>
        <translation>
            <numerusform>全部应用：已写入 %n 项更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n page(s).</source>
        <translation>
            <numerusform>%1，涉及 %n 个页面。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mcphub::PendingTableEditor</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Show only rows that contain this text in any column.</source>
        <translation>仅显示任一列包含此文本的行。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a row; it is saved when you apply.</source>
        <translation>添加一行；应用时保存。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Mark the selected rows for deletion; they are deleted when you apply.</source>
        <translation>将所选行标记为删除；应用时删除。</translation>
    </message>
    <message>
        <source>Revert &amp;row</source>
        <translation>还原行(&amp;R)</translation>
    </message>
    <message>
        <source>Undo every pending edit of the current row.</source>
        <translation>撤销当前行的所有待应用编辑。</translation>
    </message>
    <message>
        <source>Revert a&amp;ll</source>
        <translation>全部还原(&amp;L)</translation>
    </message>
    <message>
        <source>Drop every pending edit in this table.</source>
        <translation>丢弃此表中的所有待应用编辑。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last pending edit.</source>
        <translation>撤销上一次待应用的编辑。</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the edit you undid.</source>
        <translation>重做已撤销的编辑。</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells with their column headers.</source>
        <translation>复制所选单元格及其列标题。</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n 项待应用更改</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>删除行</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) written to the workspace.</source>
        <translation>
            <numerusform>已将 %n 项更改写入工作区。</numerusform>
        </translation>
    </message>
    <message>
        <source>This workspace is open read-only: the profile is read-only, the server is a standby, or the database was made by a newer console. Nothing can be changed here.</source>
        <translation>此工作区以只读方式打开：连接配置为只读、服务器为备库，或数据库由更新版本的控制台创建。此处无法进行任何更改。</translation>
    </message>
    <message>
        <source>Write this page&apos;s pending edits to the workspace in one transaction (Apply all, Ctrl+S, writes those of every page).</source>
        <translation>在一个事务中将本页待应用的编辑写入工作区（“全部应用”，即 Ctrl+S，会写入所有页面的编辑）。</translation>
    </message>
</context>
<context>
    <name>mcphub::PendingTableModel</name>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>更改 %2 的 %1</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Revert %1</source>
        <translation>还原 %1</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>The workspace is open read-only; nothing can be applied.</source>
        <translation>工作区以只读方式打开；无法应用任何更改。</translation>
    </message>
    <message>
        <source>Nothing was written. Fix this first: %1</source>
        <translation>未写入任何内容。请先修正：%1</translation>
    </message>
    <message>
        <source>Nothing was written: %1: %2: %3 Your edits are kept; fix them and apply again.</source>
        <translation>未写入任何内容：%1：%2：%3 您的编辑已保留；请修正后再次应用。</translation>
    </message>
    <message>
        <source>%1 (console only)</source>
        <translation>%1（仅控制台）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Deleted by another console since it was read: Apply will refuse this row. Your edits are kept; revert the row to drop them.</source>
        <translation>读取后已被另一个控制台删除：应用时将拒绝此行。您的编辑已保留；还原此行即可丢弃它们。</translation>
    </message>
    <message>
        <source>Changed by another console since it was read: Apply will refuse this row. Your edits are kept; revert the row to see the stored values.</source>
        <translation>读取后已被另一个控制台更改：应用时将拒绝此行。您的编辑已保留；还原此行即可查看已存储的值。</translation>
    </message>
</context>
<context>
    <name>mcphub::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Each step doubles the time to check a password. MCPHub uses 10.</source>
        <translation>每增加一级，检查密码所需的时间翻倍。MCPHub 使用 10。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>How many backups of a settings file the console keeps beside it when it saves the file (the newest ones).</source>
        <translation>控制台保存设置文件时，在其旁边保留的该文件备份数量（保留最新的几个）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often a newly added hub is asked for its state.</source>
        <translation>向新添加的集线器查询其状态的频率。</translation>
    </message>
    <message>
        <source>Open the last workspace and area at start</source>
        <translation>启动时打开上次的工作区和区域</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;bcrypt cost of new passwords:</source>
        <translation>新密码的 bcrypt 成本(&amp;B)：</translation>
    </message>
    <message>
        <source>Bac&amp;kups kept per settings file:</source>
        <translation>每个设置文件保留的备份数(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Poll interval of a new hub:</source>
        <translation>新集线器的轮询间隔(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>mcphub::RecordDetailPage</name>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>mcphub::RecordTableModel</name>
    <message>
        <source>It must not be empty.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1（位于 %2）</translation>
    </message>
</context>
<context>
    <name>mcphub::ReplicationPage</name>
    <message>
        <source>pg_auto_failover formation</source>
        <translation>pg_auto_failover 集群编队 (formation)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Formation/group</source>
        <translation>集群编队/组</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Reported state</source>
        <translation>报告状态</translation>
    </message>
    <message>
        <source>Goal state</source>
        <translation>目标状态</translation>
    </message>
    <message>
        <source>Reported LSN</source>
        <translation>报告的 LSN</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message numerus="yes">
        <source>Read the replication status again (it is also read every %n second(s) while this page is shown).</source>
        <translation>
            <numerusform>重新读取复制状态（显示此页面时，也会每 %n 秒读取一次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No replication (embedded database).</source>
        <translation>无复制（嵌入式数据库）。</translation>
    </message>
    <message>
        <source>This server is a primary (WAL at %1). No standby is streaming from it.</source>
        <translation>此服务器是主库（WAL 位于 %1）。没有备库正在从它流式复制。</translation>
    </message>
    <message numerus="yes">
        <source>This server is a primary (WAL at %1), read at %2. %n standby(s) streaming from it:</source>
        <translation>
            <numerusform>此服务器是主库（WAL 位于 %1），读取于 %2。有 %n 个备库正在从它流式复制：</numerusform>
        </translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>备库</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sent LSN</source>
        <translation>发送 LSN</translation>
    </message>
    <message>
        <source>Replay LSN</source>
        <translation>回放 LSN</translation>
    </message>
    <message>
        <source>Sent lag</source>
        <translation>发送延迟</translation>
    </message>
    <message>
        <source>Write lag</source>
        <translation>写入延迟</translation>
    </message>
    <message>
        <source>Flush lag</source>
        <translation>刷盘延迟</translation>
    </message>
    <message>
        <source>Replay lag</source>
        <translation>回放延迟</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>This server is a standby (in recovery) of %1: it is open read-only.</source>
        <translation>此服务器是 %1 的备库（处于恢复状态）：以只读方式打开。</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>In recovery</source>
        <translation>处于恢复状态</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主库</translation>
    </message>
    <message>
        <source>WAL receiver</source>
        <translation>WAL 接收进程</translation>
    </message>
    <message>
        <source>Received up to</source>
        <translation>已接收至</translation>
    </message>
    <message>
        <source>Replayed up to</source>
        <translation>已回放至</translation>
    </message>
    <message>
        <source>Last replayed transaction</source>
        <translation>最后回放的事务</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>pg_auto_failover formation: %1</source>
        <translation>pg_auto_failover 集群编队 (formation)：%1</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Reading the replication status…</source>
        <translation>正在读取复制状态…</translation>
    </message>
    <message numerus="yes">
        <source>The database server has not answered for %n second(s); the reading goes on. Check the server and the network.</source>
        <translation>
            <numerusform>数据库服务器已有 %n 秒未响应；读取仍在继续。请检查服务器和网络。</numerusform>
        </translation>
    </message>
    <message>
        <source>The replication status could not be read.</source>
        <translation>无法读取复制状态。</translation>
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
    <name>mcphub::ServerDetailPanel</name>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>npx, uvx, docker…</source>
        <translation>npx、uvx、docker…</translation>
    </message>
    <message>
        <source>https://example.org/mcp</source>
        <translation>https://example.org/mcp</translation>
    </message>
    <message>
        <source>Authorization, X-Request-Id</source>
        <translation>Authorization, X-Request-Id</translation>
    </message>
    <message>
        <source>Ping the server to keep the connection open</source>
        <translation>定期 ping 服务器以保持连接</translation>
    </message>
    <message>
        <source>60000</source>
        <translation>60000</translation>
    </message>
    <message>
        <source>https://example.org/openapi.json</source>
        <translation>https://example.org/openapi.json</translation>
    </message>
    <message>
        <source>How MCPHub talks to the server.</source>
        <translation>MCPHub 与服务器通信的方式。</translation>
    </message>
    <message>
        <source>One argument per line.</source>
        <translation>每行一个参数。</translation>
    </message>
    <message>
        <source>Milliseconds between pings; MCPHub uses 60000.</source>
        <translation>两次 ping 之间的毫秒数；MCPHub 使用 60000。</translation>
    </message>
    <message>
        <source>Names of client request headers forwarded to the server, separated by commas.</source>
        <translation>转发给服务器的客户端请求头名称，以逗号分隔。</translation>
    </message>
    <message>
        <source>{ &quot;openapi&quot;: &quot;3.1.0&quot;, … }</source>
        <translation>{ &quot;openapi&quot;: &quot;3.1.0&quot;, … }</translation>
    </message>
    <message>
        <source>{ &quot;type&quot;: &quot;apiKey&quot;, &quot;apiKey&quot;: { … } }</source>
        <translation>{ &quot;type&quot;: &quot;apiKey&quot;, &quot;apiKey&quot;: { … } }</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>环境变量：</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL：</translation>
    </message>
    <message>
        <source>Passthrough headers:</source>
        <translation>透传请求头：</translation>
    </message>
    <message>
        <source>Keep-alive interval (ms):</source>
        <translation>保活间隔（毫秒）：</translation>
    </message>
    <message>
        <source>OpenAPI URL:</source>
        <translation>OpenAPI URL：</translation>
    </message>
    <message>
        <source>Inline schema (JSON):</source>
        <translation>内联模式（JSON）：</translation>
    </message>
    <message>
        <source>Security (JSON):</source>
        <translation>安全设置（JSON）：</translation>
    </message>
    <message>
        <source>Choose a type to see its fields.</source>
        <translation>选择类型以查看其字段。</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>HTTP headers sent to the server (not allowed for stdio). Secret values are masked.</source>
        <translation>发送给服务器的 HTTP 请求头（stdio 不允许）。机密值已隐藏。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Tool overrides</source>
        <translation>工具覆盖设置</translation>
    </message>
</context>
<context>
    <name>mcphub::ServerJsonDialog</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Apply to row</source>
        <translation>应用到行(&amp;A)</translation>
    </message>
    <message>
        <source>Server %1 as JSON</source>
        <translation>服务器 %1 的 JSON</translation>
    </message>
    <message>
        <source>The entry mcpServers/%1 as MCPHub&apos;s settings file holds it, pending edits included. Read-only: Edit to change it; the change becomes pending edits of the row, written by Apply.</source>
        <translation>条目 mcpServers/%1 在 MCPHub 设置文件中的形式，包括待应用的编辑。只读：点击“编辑”进行更改；更改会成为该行待应用的编辑，由“应用”写入。</translation>
    </message>
    <message>
        <source>Server JSON</source>
        <translation>服务器 JSON</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mcphub::ServerTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Passthrough headers</source>
        <translation>透传请求头</translation>
    </message>
    <message>
        <source>Keep-alive</source>
        <translation>保活</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>保活间隔</translation>
    </message>
    <message>
        <source>OpenAPI URL</source>
        <translation>OpenAPI URL</translation>
    </message>
    <message>
        <source>Inline schema</source>
        <translation>内联模式</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <source>Another server is named &quot;%1&quot;.</source>
        <translation>已有另一个服务器名为“%1”。</translation>
    </message>
    <message>
        <source>Tool overrides</source>
        <translation>工具覆盖设置</translation>
    </message>
    <message>
        <source>No server is selected.</source>
        <translation>未选择服务器。</translation>
    </message>
    <message>
        <source>This workspace is read-only.</source>
        <translation>此工作区为只读。</translation>
    </message>
    <message>
        <source>The Servers page does not change &quot;%1&quot;: edit it in the settings file, or leave it as it is here.</source>
        <translation>“服务器”页面不会更改“%1”：请在设置文件中编辑它，或在此处保持原样。</translation>
    </message>
    <message>
        <source>The Servers page has no field for &quot;%1&quot; (a key MCPHub does not know, or a value of another kind): edit it in the settings file.</source>
        <translation>“服务器”页面没有对应“%1”的字段（MCPHub 不认识的键，或其他类型的值）：请在设置文件中编辑它。</translation>
    </message>
    <message>
        <source>Edit %1 as JSON</source>
        <translation>以 JSON 编辑 %1</translation>
    </message>
</context>
<context>
    <name>mcphub::ServersPage</name>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制为新服务器(&amp;U)</translation>
    </message>
    <message>
        <source>Enable/&amp;disable</source>
        <translation>启用/禁用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Add a copy of the selected server under a new name.</source>
        <translation>以新名称添加所选服务器的副本。</translation>
    </message>
    <message>
        <source>Switch the selected server on or off in MCPHub.</source>
        <translation>在 MCPHub 中启用或禁用所选服务器。</translation>
    </message>
    <message>
        <source>Add a stdio server; choose its type in the panel.</source>
        <translation>添加 stdio 服务器；在面板中选择其类型。</translation>
    </message>
    <message>
        <source>Delete server</source>
        <translation>删除服务器</translation>
    </message>
    <message>
        <source>Delete the server &quot;%1&quot; when you apply?</source>
        <translation>应用时删除服务器“%1”？</translation>
    </message>
    <message>
        <source>Raw &amp;JSON…</source>
        <translation>原始 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>The selected server as MCPHub&apos;s settings file holds it; Edit there turns a change into pending edits.</source>
        <translation>所选服务器在 MCPHub 设置文件中的形式；在此点击“编辑”可将更改转为待应用的编辑。</translation>
    </message>
</context>
<context>
    <name>mcphub::SettingsFileProblemsDialog</name>
    <message>
        <source>Settings file with errors</source>
        <translation>有错误的设置文件</translation>
    </message>
    <message>
        <source>Repair the selected finding</source>
        <translation>修复所选的检查结果</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>&amp;Replace value</source>
        <translation>替换值(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save and open</source>
        <translation>保存并打开(&amp;S)</translation>
    </message>
    <message>
        <source>Select a finding to repair its value.</source>
        <translation>选择一条检查结果以修复其值。</translation>
    </message>
    <message>
        <source>%1 is not a single value: repair it in the file with a text editor, then open the file again.</source>
        <translation>%1 不是单个值：请用文本编辑器在文件中修复它，然后重新打开文件。</translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation>整个文档</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>A new password for %1; the file keeps only its bcrypt hash, as MCPHub does.</source>
        <translation>%1 的新密码；文件中只保存其 bcrypt 哈希，与 MCPHub 的做法一致。</translation>
    </message>
    <message>
        <source>&quot;text&quot;, 42, true or null</source>
        <translation>&quot;text&quot;、42、true 或 null</translation>
    </message>
    <message>
        <source>The new value of %1, as JSON (text that is not JSON is taken as a string).</source>
        <translation>%1 的新值，以 JSON 表示（不是 JSON 的文本按字符串处理）。</translation>
    </message>
    <message>
        <source>This value cannot be replaced here; repair it in the file.</source>
        <translation>此值无法在这里替换；请在文件中修复它。</translation>
    </message>
    <message>
        <source>Type the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) replaced; nothing is written until you save.</source>
        <translation>
            <numerusform>已替换 %n 个值；保存之前不会写入任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s), so it cannot be edited as a workspace. It is shown read-only: double-click a finding to see its line, replace the values it names, then save.</source>
        <translation>
            <numerusform>%1 有 %n 个错误，因此不能作为工作区编辑。现以只读方式显示：双击检查结果可查看其所在行，替换其指出的值，然后保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no errors left. Save it to open it as the workspace.</source>
        <translation>%1 已没有错误。保存后即可作为工作区打开。</translation>
    </message>
    <message numerus="yes">
        <source>Save although the file has %n warning(s) (listed above)</source>
        <translation>
            <numerusform>即使文件有 %n 条警告（见上方列表）也保存</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>mcphub::ShortcutsDialog</name>
    <message>
        <source>Table pages</source>
        <translation>表格页面</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>mcphub::SystemConfigPage</name>
    <message>
        <source>The key Add adds: one of MCPHub&apos;s, or any name.</source>
        <translation>“添加”要添加的键：可以是 MCPHub 的键之一，也可以是任意名称。</translation>
    </message>
    <message>
        <source>The key Add adds: MCPHub&apos;s database has a column for each of these, and no place for other keys.</source>
        <translation>“添加”要添加的键：MCPHub 的数据库为其中每个键各设一列，无法存放其他键。</translation>
    </message>
    <message>
        <source>key to add</source>
        <translation>要添加的键</translation>
    </message>
    <message>
        <source>Add the key chosen under &quot;Key to add&quot;.</source>
        <translation>添加在“要添加的键”中选择的键。</translation>
    </message>
    <message>
        <source>Add &amp;key</source>
        <translation>添加键(&amp;K)</translation>
    </message>
    <message>
        <source>JSON value</source>
        <translation>JSON 值</translation>
    </message>
    <message>
        <source>Select a key to see and edit its JSON value.</source>
        <translation>选择一个键以查看和编辑其 JSON 值。</translation>
    </message>
    <message>
        <source>Key to add:</source>
        <translation>要添加的键：</translation>
    </message>
    <message>
        <source>Choose or type the key to add beside the toolbar.</source>
        <translation>在工具栏旁选择或输入要添加的键。</translation>
    </message>
</context>
<context>
    <name>mcphub::SystemConfigTableModel</name>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The key is empty.</source>
        <translation>键为空。</translation>
    </message>
    <message>
        <source>Another row has this key.</source>
        <translation>另一行已使用此键。</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
</context>
<context>
    <name>mcphub::TimeRangeSelector</name>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近一小时</translation>
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
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Only rows in this time range.</source>
        <translation>仅显示此时间范围内的行。</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>起始（含）</translation>
    </message>
    <message>
        <source>To (exclusive)</source>
        <translation>结束（不含）</translation>
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
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>Start of the custom range</source>
        <translation>自定义范围的开始</translation>
    </message>
    <message>
        <source>End of the custom range</source>
        <translation>自定义范围的结束</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image or its data as CSV</source>
        <translation>将图表保存为 PNG 图像，或将其数据保存为 CSV</translation>
    </message>
    <message>
        <source>Chart as PNG...</source>
        <translation>图表另存为 PNG...</translation>
    </message>
    <message>
        <source>Data as CSV...</source>
        <translation>数据另存为 CSV...</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>Save chart data as CSV</source>
        <translation>将图表数据保存为 CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 could not be written. Check the folder and its permissions.</source>
        <translation>无法写入 %1。请检查文件夹及其权限。</translation>
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
    <name>mcphub::ToolOverridesEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Per-tool switches and descriptions. Tool names are the exposed, prefixed names MCPHub shows, such as fetch-fetch.</source>
        <translation>按工具设置的开关和描述。工具名称是 MCPHub 显示的带前缀的公开名称，例如 fetch-fetch。</translation>
    </message>
    <message>
        <source>Add a tool override.</source>
        <translation>添加一项工具覆盖设置。</translation>
    </message>
    <message>
        <source>Remove the selected tool overrides.</source>
        <translation>移除所选的工具覆盖设置。</translation>
    </message>
</context>
<context>
    <name>mcphub::UsageLogModel</name>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Arguments:
%1

Error: %2
IP: %3
User agent: %4
Session: %5</source>
        <translation>参数：
%1

错误：%2
IP：%3
用户代理：%4
会话：%5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>mcphub::UsageLogPage</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Only calls to this server (exact name).</source>
        <translation>仅显示对此服务器的调用（完整名称）。</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Only calls of this tool (exact name).</source>
        <translation>仅显示此工具的调用（完整名称）。</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Only calls by this user (exact name).</source>
        <translation>仅显示此用户的调用（完整名称）。</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Only successful or only failed calls.</source>
        <translation>仅显示成功或仅显示失败的调用。</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Only rows whose server, tool, user or error contains this text.</source>
        <translation>仅显示服务器、工具、用户或错误中包含此文本的行。</translation>
    </message>
</context>
<context>
    <name>mcphub::UserTableModel</name>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Set the password of %1</source>
        <translation>设置 %1 的密码</translation>
    </message>
    <message>
        <source>The password of %1 cannot be changed here.</source>
        <translation>此处无法更改 %1 的密码。</translation>
    </message>
    <message>
        <source>(new, not applied)</source>
        <translation>（新密码，尚未应用）</translation>
    </message>
    <message>
        <source>The username is empty.</source>
        <translation>用户名为空。</translation>
    </message>
    <message>
        <source>Another user is named &quot;%1&quot;.</source>
        <translation>已有另一个用户名为“%1”。</translation>
    </message>
    <message>
        <source>The last administrator cannot be demoted.</source>
        <translation>不能取消最后一位管理员的管理员身份。</translation>
    </message>
    <message>
        <source>A new user needs a password: use Set password.</source>
        <translation>新用户需要密码：请使用“设置密码”。</translation>
    </message>
    <message>
        <source>The status is empty; MCPHub uses &quot;active&quot;.</source>
        <translation>状态为空；MCPHub 使用“active”。</translation>
    </message>
    <message>
        <source>The workspace has no administrator yet: make this user one (MCPHub would have nobody who can manage it).</source>
        <translation>工作区还没有管理员：请把此用户设为管理员（否则 MCPHub 将没有人能管理它）。</translation>
    </message>
    <message>
        <source>A dashboard session of a user removed, demoted or given a new password stays valid for up to 24 hours; restart the hubs on this database to end it now.</source>
        <translation>被删除、降级或更换密码的用户已有的仪表板会话最长仍有效 24 小时；如需立即结束，请重启使用此数据库的 hub。</translation>
    </message>
</context>
<context>
    <name>mcphub::UsersPage</name>
    <message>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Set or reset the selected user&apos;s password. Only its bcrypt hash is stored; MCPHub has no other way to reset one.</source>
        <translation>设置或重置所选用户的密码。只保存其 bcrypt 哈希；MCPHub 没有其他重置密码的方法。</translation>
    </message>
    <message>
        <source>Add a user: type the name, then set a password.</source>
        <translation>添加用户：输入名称，然后设置密码。</translation>
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
        <source>Bearer keys that clients present to MCPHub&apos;s MCP endpoints.</source>
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
    <message>
        <source>Clients &amp; content</source>
        <translation>客户端与内容</translation>
    </message>
    <message>
        <source>System config</source>
        <translation>系统配置</translation>
    </message>
    <message>
        <source>OAuth clients MCPHub&apos;s authorization server knows, the prompts and resources it serves itself, and per-user configuration.</source>
        <translation>MCPHub 授权服务器所知的 OAuth 客户端、它自身提供的提示词和资源，以及每个用户的配置。</translation>
    </message>
    <message>
        <source>MCPHub&apos;s system configuration, one JSON value per key: routing, install, smart routing, name separator, OAuth server and more.</source>
        <translation>MCPHub 的系统配置，每个键一个 JSON 值：路由、安装、智能路由、名称分隔符、OAuth 服务器等。</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>主备复制</translation>
    </message>
    <message>
        <source>The database server&apos;s replication: a primary&apos;s standbys and how far behind they are, a standby&apos;s primary and replay lag, and a pg_auto_failover formation&apos;s nodes.</source>
        <translation>数据库服务器的复制情况：主库的备库及其落后程度、备库的主库及回放延迟，以及 pg_auto_failover 集群编队 (formation) 的节点。</translation>
    </message>
</context>
<context>
    <name>mcphub::WorkspaceSession</name>
    <message>
        <source>Reconnecting… (attempt %1)</source>
        <translation>正在重新连接…（第 %1 次尝试）</translation>
    </message>
    <message>
        <source>Connected to %1 as primary</source>
        <translation>已连接到 %1（主库）</translation>
    </message>
    <message>
        <source>Connected to %1 as standby</source>
        <translation>已连接到 %1（备库）</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>The database server stopped answering; reconnecting…</source>
        <translation>数据库服务器已停止响应；正在重新连接…</translation>
    </message>
</context>
<context>
    <name>mcphub::WorkspaceSwitcher</name>
    <message>
        <source>Open &amp;settings file…</source>
        <translation>打开设置文件(&amp;S)…</translation>
    </message>
    <message>
        <source>Edit an mcp_settings.json directly: every Apply saves the file (validated, backed up, atomic).</source>
        <translation>直接编辑 mcp_settings.json：每次应用都会保存该文件（经过校验、备份并原子写入）。</translation>
    </message>
    <message>
        <source>Open S&amp;QLite file…</source>
        <translation>打开 SQLite 文件(&amp;Q)…</translation>
    </message>
    <message>
        <source>Open a SQLite workspace database.</source>
        <translation>打开一个 SQLite 工作区数据库。</translation>
    </message>
    <message>
        <source>&amp;Connect to profile…</source>
        <translation>连接到配置(&amp;C)…</translation>
    </message>
    <message>
        <source>Open the workspace of a saved connection profile.</source>
        <translation>打开已保存连接配置的工作区。</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>配置 %1</translation>
    </message>
    <message>
        <source>Open another workspace</source>
        <translation>打开其他工作区</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) are not applied yet. Drop them and open the other workspace?</source>
        <translation>
            <numerusform>有 %n 处编辑尚未应用。要丢弃它们并打开其他工作区吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Open settings file</source>
        <translation>打开设置文件</translation>
    </message>
    <message>
        <source>MCPHub settings (*.json)</source>
        <translation>MCPHub 设置 (*.json)</translation>
    </message>
    <message>
        <source>Open SQLite file</source>
        <translation>打开 SQLite 文件</translation>
    </message>
    <message>
        <source>SQLite workspaces (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite 工作区 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Connect to profile</source>
        <translation>连接到配置</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>&amp;Bind settings file…</source>
        <translation>绑定设置文件(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Unbind settings file</source>
        <translation>解除绑定设置文件(&amp;U)</translation>
    </message>
    <message>
        <source>Stop writing the bound settings file (it stays as it is).</source>
        <translation>停止写入绑定的设置文件（该文件保持原样）。</translation>
    </message>
    <message>
        <source>&amp;Bind to another settings file…</source>
        <translation>绑定到另一个设置文件(&amp;B)…</translation>
    </message>
    <message>
        <source>Only a saved connection profile can be bound to a settings file: open one with Connect to profile.</source>
        <translation>只有已保存的连接配置才能绑定设置文件：请用“连接到配置”打开一个。</translation>
    </message>
    <message>
        <source>Dual-write: save every change applied through this profile to an MCPHub settings file too, in the same step.</source>
        <translation>双写：通过此配置应用的每项更改也在同一步骤中保存到一个 MCPHub 设置文件。</translation>
    </message>
    <message>
        <source>Only a saved connection profile can be bound to a settings file. Open one with File › Connect to profile.</source>
        <translation>只有已保存的连接配置才能绑定设置文件。请用“文件 › 连接到配置”打开一个。</translation>
    </message>
    <message>
        <source>Bind settings file</source>
        <translation>绑定设置文件</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Open the workspace again: the settings file as it is on disk now (after MCPHub changed it), the database as it is now.</source>
        <translation>再次打开工作区：设置文件按磁盘上的当前内容（MCPHub 修改之后），数据库按当前状态。</translation>
    </message>
    <message>
        <source>Reload the workspace</source>
        <translation>重新加载工作区</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) are not applied yet. Drop them and reload?</source>
        <translation>
            <numerusform>%n 处编辑尚未应用。要丢弃它们并重新加载吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the password of profile %1 from the system keychain…</source>
        <translation>正在从系统钥匙串读取配置 %1 的密码…</translation>
    </message>
    <message>
        <source>Connect to &amp;MCPHub database…</source>
        <translation>连接到 &amp;MCPHub 数据库…</translation>
    </message>
    <message>
        <source>Administer a hub running in database mode in its own PostgreSQL tables.</source>
        <translation>在 hub 自己的 PostgreSQL 表中管理以数据库模式运行的 hub。</translation>
    </message>
    <message>
        <source>&amp;Export settings file…</source>
        <translation>导出设置文件(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the open workspace as an MCPHub settings file (validated; a file replaced is backed up first).</source>
        <translation>将打开的工作区写为 MCPHub 设置文件（经过校验；被替换的文件会先备份）。</translation>
    </message>
    <message>
        <source>Export settings file</source>
        <translation>导出设置文件</translation>
    </message>
    <message>
        <source>MCPHub settings files (*.json);;All files (*)</source>
        <translation>MCPHub 设置文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The settings file %1 was not written: %2</source>
        <translation>未写入设置文件 %1：%2</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>Exported %1 to the settings file %2.</source>
        <translation>已将 %1 导出到设置文件 %2。</translation>
    </message>
    <message>
        <source>Exported %1 to the settings file %2 (the previous file is backed up as %3).</source>
        <translation>已将 %1 导出到设置文件 %2（之前的文件已备份为 %3）。</translation>
    </message>
    <message>
        <source>&amp;New SQLite database…</source>
        <translation>新建 SQLite 数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new SQLite workspace database with the console&apos;s schema and open it.</source>
        <translation>使用控制台的架构创建新的 SQLite 工作区数据库并打开它。</translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation>连接(&amp;N)…</translation>
    </message>
    <message>
        <source>Add, edit, test and remove saved connection profiles, and open one.</source>
        <translation>添加、编辑、测试和删除已保存的连接配置，并打开其中一个。</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open SQLite</source>
        <translation>打开 SQLite</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>MCPHub DB</source>
        <translation>MCPHub 数据库</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>profile (removed)</source>
        <translation>连接配置（已删除）</translation>
    </message>
    <message>
        <source>SQLite profile</source>
        <translation>SQLite 连接配置</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>连接配置 %1：%2</translation>
    </message>
    <message>
        <source>MCPHub database profile</source>
        <translation>MCPHub 数据库连接配置</translation>
    </message>
    <message>
        <source>PostgreSQL profile</source>
        <translation>PostgreSQL 连接配置</translation>
    </message>
    <message>
        <source>Bound to %1</source>
        <translation>已绑定到 %1</translation>
    </message>
    <message>
        <source>MCPHub database</source>
        <translation>MCPHub 数据库</translation>
    </message>
    <message>
        <source>settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>There are no saved connection profiles yet. Add one with File ▸ Connections…</source>
        <translation>尚无已保存的连接配置。请通过“文件 ▸ 连接…”添加。</translation>
    </message>
    <message>
        <source>This is the workspace open now; it cannot be replaced by a new one. Choose another file name.</source>
        <translation>这是当前打开的工作区，不能用新工作区替换它。请选择其他文件名。</translation>
    </message>
    <message>
        <source>A file with this name exists and is not empty; it is left as it is. Choose another name, or confirm that it is replaced.</source>
        <translation>已存在同名且非空的文件，将保持原样。请选择其他名称，或确认替换该文件。</translation>
    </message>
    <message>
        <source>The existing file cannot be replaced. Check its permissions and those of its folder.</source>
        <translation>无法替换现有文件。请检查该文件及其所在文件夹的权限。</translation>
    </message>
    <message>
        <source>New SQLite database</source>
        <translation>新建 SQLite 数据库</translation>
    </message>
    <message>
        <source>SQLite workspaces (*.db *.sqlite)</source>
        <translation>SQLite 工作区 (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>%1 exists and is not empty. Replace it with a new, empty workspace? What it holds is lost.</source>
        <translation>%1 已存在且非空。要用新的空工作区替换它吗？其中的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>mcphub::WorkspaceViews</name>
    <message>
        <source>%1 ▸ %2</source>
        <translation>%1 ▸ %2</translation>
    </message>
</context>
</TS>
