#pragma once

namespace mcphub {

// What a workspace is, for what it can store (WorkspaceCapabilities): a plain MCPHub
// settings file (opened through a private database), the console's own database (SQLite or
// PostgreSQL, the same schema), or MCPHub's own PostgreSQL database (declared for the
// workspace that will write MCPHub's tables directly; it cannot be opened yet).
enum class WorkspaceKind {
    SettingsFile,
    ConsoleDatabase,
    McphubDatabase,
};

} // namespace mcphub
