#pragma once

#include <nlohmann/json.hpp>

#include <optional>

namespace mcphub {

// JSON text as nlohmann::ordered_json, the same value nlohmann's own parser gives (numbers,
// strings, key order; a key given twice keeps its first place and its last value), in time
// linear in the number of keys. nlohmann's parser looks each new key up among all the keys
// its object already has: an object of 10,000 servers took ~180 ms of the ~240 ms a 10 MB
// settings file cost to parse. This builds the tree from nlohmann's own SAX events (the same
// lexer and grammar) and indexes the keys of a large object instead.
// nullopt where nlohmann's parser fails: parse again with it for the error and its place.
// `seen`, when given, tells what the text had that the tree no longer shows, so that a
// caller can skip looking for it (JsonSourceMap::scan): a key given twice in one object, and
// any number nlohmann reads as a double (only those can change when read: a fraction, an
// exponent, an integer beyond 64 bits).
struct LinearParseSeen
{
    bool duplicateKey = false;
    bool floatingNumber = false;
};
std::optional<nlohmann::ordered_json>
parseJsonLinear(const char *first, const char *last, LinearParseSeen *seen = nullptr);

} // namespace mcphub
