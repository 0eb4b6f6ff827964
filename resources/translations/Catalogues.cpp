// promdesk_translations is its resources (the .qm catalogues under :/i18n, linked into each program
// that links the library); CMake needs one source to make a library of it.
namespace promdesk {
[[maybe_unused]] constexpr int kTranslationCatalogues = 1;
} // namespace promdesk
