<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>HubRateBudget</name>
        <message>
            <source>Polling every %1 s needs about %2 rate-limited requests per %3, more than the console's share of the %4 this hub allows. Poll every %5 s or less often.</source>
            <translation>每 %1 秒轮询一次，每 %3 约需 %2 次受速率限制的请求，超过了该 Hub 允许的 %4 次中控制台可用的份额。请将轮询间隔设为 %5 秒或更长。</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 分钟</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
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
        <message>
            <source>The hub's answer is larger than %1 MB, so the console stopped reading it. Check that the URL points at MCPHub.</source>
            <translation>Hub 的答复超过 %1 MB，控制台已停止读取。请检查 URL 是否指向 MCPHub。</translation>
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
