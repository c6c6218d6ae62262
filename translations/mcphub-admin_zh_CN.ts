<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
