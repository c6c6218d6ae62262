// A static library needs one translation unit; the payload is the Qt resource added in
// CMakeLists.txt, which Qt links into every consumer as an object library.
namespace mcphub {
int resourcesAnchor()
{
    return 0;
}
} // namespace mcphub
