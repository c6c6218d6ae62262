#include "storage/settings/jsonlinearparse.h"

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace mcphub {

namespace {

using Json = nlohmann::ordered_json;

// From this many keys an object gets an index of its keys (below, a look along them is
// cheaper than a hash).
constexpr size_t kIndexFrom = 16;

class Builder
{
public:
    explicit Builder(Json &root)
        : m_root(root)
    {}

    bool null() { return put(nullptr); }
    bool boolean(bool value) { return put(value); }
    bool number_integer(Json::number_integer_t value) { return put(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return put(value); }
    bool number_float(Json::number_float_t value, const Json::string_t &) { return put(value); }
    bool string(Json::string_t &value) { return put(std::move(value)); }
    bool binary(Json::binary_t &) { return false; } // not in JSON text

    bool start_object(std::size_t)
    {
        m_stack.push_back({place(Json::value_t::object), nullptr});
        return true;
    }
    bool start_array(std::size_t)
    {
        m_stack.push_back({place(Json::value_t::array), nullptr});
        return true;
    }
    bool end_object()
    {
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
        auto &object = frame.value->get_ref<Json::object_t &>();
        if (!frame.index && object.size() < kIndexFrom) {
            for (auto &entry : object) {
                if (entry.first == key) {
                    m_element = &entry.second; // given twice: the first place, the last value
                    return true;
                }
            }
        } else {
            if (!frame.index) {
                frame.index = std::make_unique<std::unordered_map<std::string, size_t>>();
                for (size_t i = 0; i < object.size(); ++i)
                    frame.index->emplace((object.begin() + std::ptrdiff_t(i))->first, i);
            }
            const auto [found, added] = frame.index->try_emplace(key, object.size());
            if (!added) {
                m_element = &(object.begin() + std::ptrdiff_t(found->second))->second;
                return true;
            }
        }
        object.emplace_back(std::move(key), nullptr);
        m_element = &object.back().second;
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
    std::vector<Frame> m_stack;
    Json *m_element = nullptr; // the value of the key just read
};

} // namespace

std::optional<nlohmann::ordered_json> parseJsonLinear(const char *first, const char *last)
{
    Json root;
    Builder builder(root);
    if (!Json::sax_parse(first, last, &builder))
        return std::nullopt;
    return root;
}

} // namespace mcphub
