#include "storage/settings/jsonlinearparse.h"

#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mcphub {

namespace {

using Json = nlohmann::ordered_json;

// From this many bytes a document's largest top-level member is built on a second thread.
constexpr std::ptrdiff_t kSplitFrom = 1 << 20;

// From this many keys an object gets an index of its keys (below, a look along them is
// cheaper than a hash).
constexpr size_t kIndexFrom = 16;

class Builder
{
public:
    explicit Builder(Json &root, LinearParseSeen &seen)
        : m_root(root)
        , m_seen(seen)
    {}

    bool null() { return put(nullptr); }
    bool boolean(bool value) { return put(value); }
    bool number_integer(Json::number_integer_t value) { return put(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return put(value); }
    bool number_float(Json::number_float_t value, const Json::string_t &)
    {
        m_seen.floatingNumber = true;
        return put(value);
    }
    bool string(Json::string_t &value) { return put(std::move(value)); }
    bool binary(Json::binary_t &) { return false; } // not in JSON text

    // `size`: the members or elements to come when known (simdjson's tree), else -1.
    bool start_object(std::size_t size)
    {
        Json *value = place(Json::value_t::object);
        m_stack.push_back({value, {}, nullptr});
        m_seen.depth = std::max(m_seen.depth, int(m_stack.size()));
        if (size != std::size_t(-1))
            m_stack.back().members.reserve(size);
        return true;
    }
    bool start_array(std::size_t size)
    {
        Json *value = place(Json::value_t::array);
        m_stack.push_back({value, {}, nullptr});
        m_seen.depth = std::max(m_seen.depth, int(m_stack.size()));
        if (size != std::size_t(-1))
            value->get_ref<Json::array_t &>().reserve(size);
        return true;
    }
    bool end_object()
    {
        // The members into the object at once, each moved: ordered_map is a vector of
        // pair<const string, json>, whose move constructor copies (the const key), so a vector
        // that grew key by key copied every member's whole tree at each reallocation.
        Frame &frame = m_stack.back();
        auto &object = frame.value->get_ref<Json::object_t &>();
        object.reserve(frame.members.size());
        for (auto &[key, value] : frame.members)
            object.emplace_back(std::move(key), std::move(value));
        m_stack.pop_back();
        return true;
    }
    bool end_array()
    {
        m_stack.pop_back();
        return true;
    }

    bool key(Json::string_t &key)
    {
        Frame &frame = m_stack.back();
        auto &members = frame.members;
        if (!frame.index && members.size() < kIndexFrom) {
            for (auto &member : members) {
                if (member.first == key) {
                    m_seen.duplicateKey = true;
                    m_element = &member.second; // given twice: the first place, the last value
                    return true;
                }
            }
        } else {
            if (!frame.index) {
                frame.index = std::make_unique<std::unordered_map<std::string, size_t>>();
                for (size_t i = 0; i < members.size(); ++i)
                    frame.index->emplace(members[i].first, i);
            }
            const auto [found, added] = frame.index->try_emplace(key, members.size());
            if (!added) {
                m_seen.duplicateKey = true;
                m_element = &members[found->second].second;
                return true;
            }
        }
        members.emplace_back(std::move(key), nullptr);
        m_element = &members.back().second;
        return true;
    }

    template<class Exception>
    bool parse_error(std::size_t, const std::string &, const Exception &)
    {
        return false;
    }

private:
    struct Frame
    {
        Json *value = nullptr;
        // An object's members until it ends (movable: a growing vector moves them).
        std::vector<std::pair<std::string, Json>> members;
        std::unique_ptr<std::unordered_map<std::string, size_t>> index; // key -> position
    };

    template<class Value>
    Json *place(Value &&value)
    {
        if (m_stack.empty()) {
            m_root = Json(std::forward<Value>(value));
            return &m_root;
        }
        Json *parent = m_stack.back().value;
        if (parent->is_array()) {
            auto &array = parent->get_ref<Json::array_t &>();
            array.emplace_back(std::forward<Value>(value));
            return &array.back();
        }
        *m_element = Json(std::forward<Value>(value));
        return m_element;
    }
    template<class Value>
    bool put(Value &&value)
    {
        place(std::forward<Value>(value));
        return true;
    }

    Json &m_root;
    LinearParseSeen &m_seen;
    std::vector<Frame> m_stack;
    Json *m_element = nullptr; // the value of the key just read
};

// simdjson's tree handed to the builder as nlohmann's SAX events would come.
void replay(simdjson::dom::element element, Builder &builder)
{
    using Type = simdjson::dom::element_type;
    switch (element.type()) {
    case Type::OBJECT: {
        const simdjson::dom::object object = element.get_object().value_unsafe();
        builder.start_object(object.size());
        for (const simdjson::dom::key_value_pair member : object) {
            std::string key(member.key);
            builder.key(key);
            replay(member.value, builder);
        }
        builder.end_object();
        return;
    }
    case Type::ARRAY: {
        const simdjson::dom::array array = element.get_array().value_unsafe();
        builder.start_array(array.size());
        for (const simdjson::dom::element item : array)
            replay(item, builder);
        builder.end_array();
        return;
    }
    case Type::STRING: {
        std::string text(element.get_string().value_unsafe());
        builder.string(text);
        return;
    }
    case Type::INT64: {
        // nlohmann reads a number without a minus sign as unsigned.
        const int64_t value = element.get_int64().value_unsafe();
        if (value >= 0)
            builder.number_unsigned(Json::number_unsigned_t(value));
        else
            builder.number_integer(value);
        return;
    }
    case Type::UINT64:
        builder.number_unsigned(element.get_uint64().value_unsafe());
        return;
    case Type::DOUBLE:
        builder.number_float(element.get_double().value_unsafe(), {});
        return;
    case Type::BOOL:
        builder.boolean(element.get_bool().value_unsafe());
        return;
    case Type::NULL_VALUE:
        builder.null();
        return;
    }
}

// A large document's top-level object with its largest member (the one with the most
// elements: users, mcpServers) built on a second thread, the rest on this one; the member is
// put in its place once both are done. Only where no top-level key is given twice (whose
// first place and last value the builder decides); false otherwise, having built nothing.
bool replaySplit(simdjson::dom::element element, Builder &builder, Json &root, LinearParseSeen &saw)
{
    simdjson::dom::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS)
        return false;
    std::unordered_set<std::string_view> keys;
    std::string_view largest;
    simdjson::dom::element largestValue;
    size_t most = 0;
    for (const simdjson::dom::key_value_pair member : object) {
        if (!keys.insert(member.key).second)
            return false;
        simdjson::dom::array array;
        simdjson::dom::object inner;
        const size_t count = member.value.get_array().get(array) == simdjson::SUCCESS ? array.size()
                             : member.value.get_object().get(inner) == simdjson::SUCCESS
                                 ? inner.size()
                                 : 0;
        if (count > most) {
            most = count;
            largest = member.key;
            largestValue = member.value;
        }
    }
    if (most == 0)
        return false;
    LinearParseSeen seenThere;
    std::future<Json> there = std::async(std::launch::async, [largestValue, &seenThere] {
        Json value;
        Builder builder(value, seenThere);
        replay(largestValue, builder);
        return value;
    });
    builder.start_object(object.size());
    for (const simdjson::dom::key_value_pair member : object) {
        std::string key(member.key);
        builder.key(key);
        if (member.key == largest)
            builder.null(); // its place, filled below
        else
            replay(member.value, builder);
    }
    builder.end_object();
    Json value = there.get();
    *root.find(std::string(largest)) = std::move(value);
    saw.duplicateKey = saw.duplicateKey || seenThere.duplicateKey;
    saw.floatingNumber = saw.floatingNumber || seenThere.floatingNumber;
    saw.depth = std::max(saw.depth, 1 + seenThere.depth); // below the top-level object
    return true;
}

} // namespace

static_assert(kJsonReadPadding >= simdjson::SIMDJSON_PADDING);

std::optional<nlohmann::ordered_json> parseJsonLinear(const char *first,
                                                      const char *last,
                                                      LinearParseSeen *seen,
                                                      LinearReader reader,
                                                      std::size_t readableAfter)
{
    LinearParseSeen local;
    LinearParseSeen &saw = seen ? *seen : local;
    // simdjson reads the text several times faster than nlohmann's lexer (half of a 10 MB
    // file's parse). Whatever it refuses (a syntax error, a number beyond 64-bit integers or
    // doubles, text that is not UTF-8) goes through nlohmann's own reading below, which then
    // gives its value or fails as nlohmann fails.
    if (reader != LinearReader::Nlohmann) {
        const char *text = first;
        if (last - first >= 3 && std::string_view(first, 3) == "\xEF\xBB\xBF")
            text += 3; // nlohmann skips a byte order mark
        simdjson::dom::parser parser;
        simdjson::dom::element element;
        const bool copy = readableAfter < simdjson::SIMDJSON_PADDING;
        if (parser.parse(text, size_t(last - text), copy).get(element) == simdjson::SUCCESS) {
            Json root;
            saw = {};
            Builder builder(root, saw);
            if (last - first >= kSplitFrom && replaySplit(element, builder, root, saw))
                return root;
            replay(element, builder);
            return root;
        }
    }
    if (reader == LinearReader::Simdjson)
        return std::nullopt;
    Json root;
    saw = {};
    Builder builder(root, saw);
    if (!Json::sax_parse(first, last, &builder))
        return std::nullopt;
    return root;
}

} // namespace mcphub
