// A plugin descriptor written in C++20, as the README tells C++ authors
// to write it: designated initialisers in field order, named arrays in
// place of the C-only compound-literal macros.
#include <tamis/plugin.h>

namespace {

const char *const langs[] = { "fr", "en", nullptr };

const TamisOption options[] = {
  { .name = "min_length", .type = TAMIS_OPTION_INT, .default_value = "1", .min = "1",
    .help = "shortest word counted" },
  { .name = "languages", .type = TAMIS_OPTION_LIST, .default_value = "[fr, en]", .choices = langs },
  {},
};

const char *const reads[] = { "token", nullptr };

const TamisAttribute attributes[] = {
  { .name = "chars", .type = TAMIS_VALUE_INT, .help = "length in characters" },
  {},
};

const char *const labels[] = { "long", nullptr };

const TamisOutput writes[] = {
  { .kind = TAMIS_OUTPUT_LAYER, .name = "long_word", .labels = labels, .attributes = attributes },
  { .kind = TAMIS_OUTPUT_ATTRIBUTE, .name = "n_long", .type = TAMIS_VALUE_INT },
  {},
};

gboolean
cxx_process (gpointer, TamisDoc *doc, GError **)
{
  const TamisLayer *tokens = tamis_doc_get_layer (doc, "token");
  TamisLayer *longs = tamis_doc_ensure_layer (doc, "long_word");

  for (guint i = 0; i < tamis_layer_get_n_spans (tokens); i++)
    if (tamis_layer_get_end (tokens, i) - tamis_layer_get_start (tokens, i) > 8)
      tamis_layer_add (longs, tamis_layer_get_start (tokens, i), tamis_layer_get_end (tokens, i), "long");
  tamis_doc_set_int (doc, "n_long", tamis_layer_get_n_spans (longs));
  return TRUE;
}

} // namespace

TAMIS_PLUGIN_DEFINE (cxxplugin, "0.1", "a plugin written in C++",
                     .options = options,
                     .reads = reads,
                     .writes = writes,
                     .languages = langs,
                     .process = cxx_process)
