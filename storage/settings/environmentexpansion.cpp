#include "storage/settings/environmentexpansion.h"

#include <QRegularExpression>

namespace mcphub {

namespace {

const QRegularExpression &placeholder()
{
    // The same pattern MCPHub expands: ${VAR} or $VAR, VAR = [A-Z_][A-Z0-9_]*.
    static const QRegularExpression pattern(
        QStringLiteral("\\$\\{[A-Z_][A-Z0-9_]*\\}|\\$[A-Z_][A-Z0-9_]*"));
    return pattern;
}

} // namespace

bool EnvironmentExpansion::hasPlaceholder(const QString &text)
{
    return placeholder().match(text).hasMatch();
}

bool EnvironmentExpansion::onlyPlaceholders(const QString &text)
{
    const QString trimmed = text.trimmed();
    return !trimmed.isEmpty() && withSample(trimmed, QString()).trimmed().isEmpty();
}

QString EnvironmentExpansion::withSample(const QString &text, const QString &sample)
{
    QString result = text;
    return result.replace(placeholder(), sample);
}

} // namespace mcphub
