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
// And `depth`, the deepest nesting of arrays and objects (a top-level object is 1).
struct LinearParseSeen
{
    bool duplicateKey = false;
    bool floatingNumber = false;
    int depth = 0;
};
// Which reader: simdjson, and nlohmann's where simdjson refuses the text (Either); simdjson
// alone, nullopt where it refuses the text (not valid UTF-8, not valid JSON, a number beyond
// 64 bits, nested beyond its 1,024 levels); or nlohmann's alone, for a text simdjson has
// refused already.
enum class LinearReader { Either, Simdjson, Nlohmann };
// Bytes after a text's end that, when readable (allocated and set), let simdjson read the text
// where it is instead of a padded copy of it (SIMDJSON_PADDING; their content does not matter):
// a copy of a 10 MB file costs a few milliseconds and as much memory. `readableAfter` says how
// many there are.
inline constexpr std::size_t kJsonReadPadding = 64;
std::optional<nlohmann::ordered_json> parseJsonLinear(const char *first,
                                                      const char *last,
                                                      LinearParseSeen *seen = nullptr,
                                                      LinearReader reader = LinearReader::Either,
                                                      std::size_t readableAfter = 0);

} // namespace mcphub
