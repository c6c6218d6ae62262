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
        <name>SettingsBackups</name>
        <message>
            <source>Could not make the backup copy, so the file was not changed. Check that the folder is writable and not full.</source>
            <translation>无法创建备份，因此文件未被修改。请检查文件夹是否可写、磁盘是否已满。</translation>
        </message>
        <message>
            <source>There is no backup "%1" of this file. List the backups to see their names.</source>
            <translation>此文件没有名为 "%1" 的备份。请列出备份查看它们的名称。</translation>
        </message>
        <message>
            <source>The backup cannot be restored: %1</source>
            <translation>无法恢复该备份：%1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDocument</name>
        <message>
            <source>The file is empty. MCPHub cannot read it and would start with no servers and a new admin user. Restore a backup, or write at least {"mcpServers": {}}.</source>
            <translation>文件为空。MCPHub 无法读取它，启动时将没有任何服务器，并新建一个 admin 用户。请恢复备份，或至少写入 {"mcpServers": {}}。</translation>
        </message>
        <message>
            <source>The file starts with a byte order mark (BOM), which MCPHub's JSON reader rejects. Save the file as UTF-8 without a BOM.</source>
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
            <source>A comma comes before "%1": JSON does not allow trailing commas. Remove the comma.</source>
            <translation>"%1" 前面有一个逗号：JSON 不允许末尾逗号。请删除该逗号。</translation>
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
            <source>The settings have warnings (%1), so they were not saved. Review them, then save again allowing warnings.</source>
            <translation>设置中有警告（%1 个），因此未保存。请检查它们，然后在允许警告的情况下再次保存。</translation>
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
            <source>The file changed on disk since it was loaded (MCPHub or someone else wrote it). Your changes were not saved: reload the file to see the new content, or save with force to replace it (its content is kept as a backup).</source>
            <translation>文件在加载后已在磁盘上被修改（由 MCPHub 或其他人写入）。你的修改未保存：请重新加载文件查看新内容，或强制保存以替换它（其内容会保留为备份）。</translation>
        </message>
        <message>
            <source>A file already exists here and was not loaded. It was not replaced: load it first, or save with force to replace it (its content is kept as a backup).</source>
            <translation>此处已存在一个未加载的文件。它未被替换：请先加载它，或强制保存以替换它（其内容会保留为备份）。</translation>
        </message>
        <message>
            <source>The file on disk is not valid JSON now, and the console never writes over a file it cannot read. Correct or move it, or restore a backup.</source>
            <translation>磁盘上的文件当前不是有效的 JSON，控制台绝不会覆盖无法读取的文件。请修正或移走它，或恢复备份。</translation>
        </message>
    </context>
    <context>
        <name>SettingsRules</name>
        <message>
            <source>The key "%1" appears twice in the same object (lines %2 and %3). MCPHub keeps only the last value, so the one on line %2 is lost at the next save. Delete the one you do not want.</source>
            <translation>键 "%1" 在同一对象中出现了两次（第 %2 行和第 %3 行）。MCPHub 只保留最后一个值，所以第 %2 行的值会在下次保存时丢失。请删除你不需要的那个。</translation>
        </message>
        <message>
            <source>%1 is too large for a JavaScript number: MCPHub reads and writes it as %2. Store it as a string if every digit matters.</source>
            <translation>%1 超出了 JavaScript 数字的精确范围：MCPHub 会将其读写为 %2。如果每一位数字都重要，请将它存为字符串。</translation>
        </message>
        <message>
            <source>The user name "%1" is also used by /users/%2; MCPHub would use only one of them. Rename or remove one.</source>
            <translation>用户名 "%1" 也被 /users/%2 使用；MCPHub 只会使用其中一个。请重命名或删除其中一个。</translation>
        </message>
        <message>
            <source>The password is the placeholder %1. MCPHub does not replace variables in passwords, so this user can log in only if the file is filled in before MCPHub reads it. Set a real password through the console.</source>
            <translation>密码是占位符 %1。MCPHub 不会替换密码中的变量，因此只有在 MCPHub 读取文件之前先填好该值，此用户才能登录。请通过控制台设置真正的密码。</translation>
        </message>
        <message>
            <source>There are no users. At start-up MCPHub creates the user "admin" with a default or random password. Add an administrator with the console instead.</source>
            <translation>没有任何用户。MCPHub 启动时会用默认或随机密码创建用户 "admin"。请改用控制台添加一个管理员。</translation>
        </message>
        <message>
            <source>No user is an administrator ("isAdmin": true), so nobody can manage MCPHub. Make at least one user an administrator.</source>
            <translation>没有任何用户是管理员（"isAdmin": true），因此没有人能管理 MCPHub。请至少将一个用户设为管理员。</translation>
        </message>
        <message>
            <source>The owner "%1" is not a user, so only administrators can manage this entry. Correct the owner or add the user.</source>
            <translation>所有者 "%1" 不是任何用户，因此只有管理员能管理此条目。请修正所有者或添加该用户。</translation>
        </message>
        <message>
            <source>A server has an empty name. MCPHub serves each server at /mcp/&lt;name&gt;; give it a name.</source>
            <translation>有一个服务器的名称为空。MCPHub 在 /mcp/&lt;名称&gt; 提供每个服务器；请为它命名。</translation>
        </message>
        <message>
            <source>MCPHub cannot tell what kind of server "%1" is: it has no "type", "url", "command" or "openapi". Add "type" and the settings that type needs.</source>
            <translation>MCPHub 无法判断服务器 "%1" 的类型：它没有 "type"、"url"、"command" 或 "openapi"。请添加 "type" 以及该类型所需的设置。</translation>
        </message>
        <message>
            <source>Server "%1" has arguments but no "command", so MCPHub has nothing to run. Add the program, such as npx or uvx.</source>
            <translation>服务器 "%1" 有参数但没有 "command"，MCPHub 没有可运行的程序。请添加程序，例如 npx 或 uvx。</translation>
        </message>
        <message>
            <source>Server "%1" has both "url" and "command" but no "type"; MCPHub treats it as an sse server and ignores the command. Set "type" to say which one you mean.</source>
            <translation>服务器 "%1" 同时有 "url" 和 "command"，但没有 "type"；MCPHub 会把它当作 sse 服务器并忽略 command。请设置 "type" 说明你的本意。</translation>
        </message>
        <message>
            <source>stdio servers send no HTTP headers, and MCPHub's API refuses them for such servers. Remove "headers" or change the type.</source>
            <translation>stdio 服务器不发送 HTTP 头，MCPHub 的 API 也拒绝为此类服务器设置它们。请删除 "headers" 或更改类型。</translation>
        </message>
        <message>
            <source>MCPHub drops "%1" from %2 servers the next time it saves this server. Remove it, or change the type.</source>
            <translation>MCPHub 下次保存此服务器时，会从 %2 服务器中删除 "%1"。请删除它，或更改类型。</translation>
        </message>
        <message>
            <source>The group id "%1" is also used by /groups/%2. MCPHub finds groups by id, so one of them cannot be reached. Give each group its own id.</source>
            <translation>分组 id "%1" 也被 /groups/%2 使用。MCPHub 按 id 查找分组，因此其中一个无法访问。请为每个分组设置独立的 id。</translation>
        </message>
        <message>
            <source>Another group (/groups/%2) is also named "%1"; routing by group name reaches only one of them. Rename one.</source>
            <translation>另一个分组（/groups/%2）也叫 "%1"；按分组名称路由时只能到达其中一个。请重命名其中一个。</translation>
        </message>
        <message>
            <source>There is no server "%1"; MCPHub leaves it out of this group. Remove it or add the server.</source>
            <translation>不存在服务器 "%1"；MCPHub 会把它排除在此分组之外。请删除它或添加该服务器。</translation>
        </message>
        <message>
            <source>The key id "%1" is also used by /bearerKeys/%2. Give each key its own id.</source>
            <translation>密钥 id "%1" 也被 /bearerKeys/%2 使用。请为每个密钥设置独立的 id。</translation>
        </message>
        <message>
            <source>This key has the same token as /bearerKeys/%1, so MCPHub cannot tell which access applies. Generate a new token for one of them.</source>
            <translation>此密钥的令牌与 /bearerKeys/%1 相同，MCPHub 无法判断应使用哪种访问权限。请为其中一个生成新令牌。</translation>
        </message>
        <message>
            <source>This key's access is "%1" but it names no group or server, so it opens nothing. Add groups or servers, or disable the key.</source>
            <translation>此密钥的访问类型为 "%1"，但没有指定任何分组或服务器，因此不开放任何内容。请添加分组或服务器，或禁用该密钥。</translation>
        </message>
        <message>
            <source>There is no group with the id or name "%1"; this key gives no access through it. Remove it or create the group.</source>
            <translation>不存在 id 或名称为 "%1" 的分组；此密钥无法通过它获得任何访问。请删除它或创建该分组。</translation>
        </message>
        <message>
            <source>There is no server "%1"; this key gives no access through it. Remove it or add the server.</source>
            <translation>不存在服务器 "%1"；此密钥无法通过它获得任何访问。请删除它或添加该服务器。</translation>
        </message>
        <message>
            <source>There is no user "%1", so these settings apply to nobody. Remove them or add the user.</source>
            <translation>不存在用户 "%1"，因此这些设置不适用于任何人。请删除它们或添加该用户。</translation>
        </message>
        <message>
            <source>The client id "%1" is also used by /oauthClients/%2. Give each client its own id.</source>
            <translation>客户端 id "%1" 也被 /oauthClients/%2 使用。请为每个客户端设置独立的 id。</translation>
        </message>
        <message>
            <source>This token was issued to "%1", who is not a user; it no longer works. Remove it.</source>
            <translation>此令牌签发给了 "%1"，但该用户不存在；令牌已失效。请删除它。</translation>
        </message>
        <message>
            <source>This token belongs to the client "%1", which is not in "oauthClients"; it may no longer work. Remove it or register the client.</source>
            <translation>此令牌属于客户端 "%1"，但它不在 "oauthClients" 中；令牌可能已失效。请删除它或注册该客户端。</translation>
        </message>
        <message>
            <source>"%1" is also used by %2; MCPHub's database keeps it unique, so migrating this file would fail. Make it unique.</source>
            <translation>"%1" 也被 %2 使用；MCPHub 的数据库要求它唯一，因此迁移此文件会失败。请使其唯一。</translation>
        </message>
    </context>
    <context>
        <name>SettingsSchemaCheck</name>
        <message>
            <source>The settings file must be one JSON object, such as {"mcpServers": {}, "users": []}. Replace the content with such an object, or restore a backup.</source>
            <translation>设置文件必须是一个 JSON 对象，例如 {"mcpServers": {}, "users": []}。请把内容替换为这样的对象，或恢复备份。</translation>
        </message>
        <message>
            <source>"mcpServers" is required and must be an object that maps each server name to its configuration. Write "mcpServers": {} when there are no servers.</source>
            <translation>"mcpServers" 是必需的，且必须是把每个服务器名称映射到其配置的对象。没有服务器时请写 "mcpServers": {}。</translation>
        </message>
        <message>
            <source>"groups" must be an array of objects with "id", "name" and "servers". MCPHub's documentation also shows groups as an object keyed by name, which MCPHub itself cannot read: make each entry an element of an array, with its own "id" and "name".</source>
            <translation>"groups" 必须是由包含 "id"、"name" 和 "servers" 的对象组成的数组。MCPHub 的文档中也出现过以名称为键的对象形式，但 MCPHub 本身无法读取：请把每个条目改为数组中的一个元素，并带上各自的 "id" 和 "name"。</translation>
        </message>
        <message>
            <source>Must be a date and time in ISO 8601 form, for example 2026-01-31T12:00:00.000Z.</source>
            <translation>必须是 ISO 8601 格式的日期时间，例如 2026-01-31T12:00:00.000Z。</translation>
        </message>
        <message>
            <source>Must be "all" or an array of names, for example ["add", "echo"].</source>
            <translation>必须是 "all" 或名称数组，例如 ["add", "echo"]。</translation>
        </message>
        <message>
            <source>Each server must be an object such as {"type": "stdio", "command": "npx", "args": []}. Correct this entry or remove it.</source>
            <translation>每个服务器都必须是对象，例如 {"type": "stdio", "command": "npx", "args": []}。请修正或删除此条目。</translation>
        </message>
        <message>
            <source>"type" must be stdio, sse, streamable-http or openapi. Correct it, or remove it to let MCPHub infer the type from url, command or openapi.</source>
            <translation>"type" 必须是 stdio、sse、streamable-http 或 openapi。请修正它，或删除它，让 MCPHub 根据 url、command 或 openapi 推断类型。</translation>
        </message>
        <message>
            <source>"url" must be the address of the server's MCP endpoint, a string such as https://host/mcp; servers of type sse and streamable-http need it.</source>
            <translation>"url" 必须是服务器 MCP 端点的地址，即类似 https://host/mcp 的字符串；sse 和 streamable-http 类型的服务器需要它。</translation>
        </message>
        <message>
            <source>"command" must be the program that starts the server, a string such as npx or uvx; servers of type stdio need it.</source>
            <translation>"command" 必须是启动服务器的程序，即类似 npx 或 uvx 的字符串；stdio 类型的服务器需要它。</translation>
        </message>
        <message>
            <source>Must be an object whose values are all strings, for example {"API_KEY": "..."}; put numbers and booleans in quotes.</source>
            <translation>必须是所有值都为字符串的对象，例如 {"API_KEY": "..."}；数字和布尔值请加上引号。</translation>
        </message>
        <message>
            <source>An openapi server needs "openapi" with "url" (where to fetch the OpenAPI document) or "schema" (the document itself). Add one of them.</source>
            <translation>openapi 服务器需要包含 "url"（获取 OpenAPI 文档的地址）或 "schema"（文档本身）的 "openapi"。请添加其中之一。</translation>
        </message>
        <message>
            <source>"password" must be a bcrypt hash ($2b$10$ followed by 53 characters), because MCPHub stores only hashes. Set the password through the console or MCPHub, which hash it; nobody can log in with this value.</source>
            <translation>"password" 必须是 bcrypt 哈希（$2b$10$ 后跟 53 个字符），因为 MCPHub 只保存哈希。请通过控制台或 MCPHub 设置密码，它们会计算哈希；用这个值任何人都无法登录。</translation>
        </message>
        <message>
            <source>Each entry of "servers" must be a server name, or an object such as {"name": "fetch", "tools": "all"}.</source>
            <translation>"servers" 的每个条目必须是服务器名称，或类似 {"name": "fetch", "tools": "all"} 的对象。</translation>
        </message>
        <message>
            <source>"token" must be a non-empty string: it is the secret clients send. Generate a new key in the console or in MCPHub.</source>
            <translation>"token" 必须是非空字符串：它是客户端发送的密钥。请在控制台或 MCPHub 中生成新的密钥。</translation>
        </message>
        <message>
            <source>"accessType" must be all, groups, servers or custom.</source>
            <translation>"accessType" 必须是 all、groups、servers 或 custom。</translation>
        </message>
        <message>
            <source>"jsonBodyLimit" must be a size such as "1mb" or "500kb", or a number of bytes.</source>
            <translation>"jsonBodyLimit" 必须是类似 "1mb" 或 "500kb" 的大小，或字节数。</translation>
        </message>
        <message>
            <source>"nameSeparator" must be a non-empty string such as "-"; it joins server and tool names.</source>
            <translation>"nameSeparator" 必须是非空字符串，例如 "-"；它用于连接服务器名和工具名。</translation>
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
            <source>The required key "%1" is missing. Add it.</source>
            <translation>缺少必需的键 "%1"。请添加它。</translation>
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
            <source>wrong number of arguments. Run "%1 %2 --help".</source>
            <translation>参数数量不对。运行 "%1 %2 --help"。</translation>
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
            <source>Checks a MCPHub settings file against the settings schema and the console's rules. Exit code 0: no errors; 1: errors found; 2: the file cannot be read as JSON.</source>
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
            <source>%1 is already in MCPHub's format; nothing was written.</source>
            <translation>%1 已经是 MCPHub 的格式；未写入任何内容。</translation>
        </message>
        <message>
            <source>%1 rewritten in MCPHub's format.</source>
            <translation>已按 MCPHub 的格式重写 %1。</translation>
        </message>
        <message>
            <source>%1 rewritten in MCPHub's format; the previous content is in %2.</source>
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
            <source>Puts a backup's content back into the settings file. The content it replaces is backed up first, even if it is not valid JSON.</source>
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
            <source>backups needs list or restore. Run "%1 backups --help".</source>
            <translation>backups 需要 list 或 restore。运行 "%1 backups --help"。</translation>
        </message>
        <message>
            <source>Check a settings file (schema and rules).</source>
            <translation>检查设置文件（模式和规则）。</translation>
        </message>
        <message>
            <source>Rewrite a settings file in MCPHub's format, safely.</source>
            <translation>以 MCPHub 的格式安全地重写设置文件。</translation>
        </message>
        <message>
            <source>List or restore a settings file's backups.</source>
            <translation>列出或恢复设置文件的备份。</translation>
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
