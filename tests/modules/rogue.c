/* A test plugin that breaks the plugin contract in the way its option
 * 'fault' names, on documents whose text starts with "!" (the others are
 * processed correctly), so that a run shows one bad document among good
 * ones. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <tamis/plugin.h>

typedef enum {
  FAULT_PAST_END,
  FAULT_CUT_CHAR,
  FAULT_FOREIGN_LAYER,
  FAULT_UNDECLARED_LAYER,
  FAULT_UNDECLARED_ATTR,
  FAULT_WRONG_TYPE,
  FAULT_BAD_LABEL,
  FAULT_DOC_ATTR_TYPE,
  FAULT_CRASH,
  FAULT_HANG,
  FAULT_HOG,
  FAULT_SLOW,
} Fault;

static const char *const faults[] = {
  "past-end", "cut-char", "foreign-layer", "undeclared-layer", "undeclared-attr", "wrong-type",
  "bad-label", "doc-attr-type", "crash", "hang", "hog", "slow", NULL,
};

static gpointer
rogue_create (TamisConfig *config, GError **error)
{
  g_autofree char *fault = NULL;

  if (!tamis_config_get_string (config, "fault", &fault, error))
    return NULL;
  for (guint i = 0; faults[i]; i++)
    if (strcmp (fault, faults[i]) == 0)
      return GUINT_TO_POINTER (i + 1);
  g_assert_not_reached ();
}

static gboolean
rogue_process (gpointer state, TamisDoc *doc, GError **error)
{
  Fault fault = GPOINTER_TO_UINT (state) - 1;
  const char *text = tamis_doc_get_text (doc);
  guint32 length = tamis_doc_get_length (doc);
  TamisLayer *layer;
  guint i;

  /* slow: 3 s on the document, then the same output as on any other */
  if (text[0] == '!' && fault == FAULT_SLOW)
    g_usleep (3 * G_USEC_PER_SEC);
  if (text[0] != '!' || fault == FAULT_SLOW)
    {
      layer = tamis_doc_ensure_layer (doc, "rogue");
      i = tamis_layer_add (layer, 0, 1, "mark");
      tamis_layer_set_int (layer, i, "n", 1);
      tamis_doc_set_int (doc, "rogue_n", 1);
      return TRUE;
    }
  switch (fault)
    {
    case FAULT_PAST_END:
      layer = tamis_doc_ensure_layer (doc, "rogue");
      i = tamis_layer_add (layer, 0, length + 10, "mark");
      tamis_layer_set_int (layer, i, "n", 1); /* ignored: the span was refused */
      break;
    case FAULT_CUT_CHAR:
      /* "!é": é is bytes 1 and 2 */
      tamis_layer_add (tamis_doc_ensure_layer (doc, "rogue"), 0, 2, "mark");
      break;
    case FAULT_FOREIGN_LAYER:
      tamis_layer_add (tamis_doc_ensure_layer (doc, "probe"), 0, 1, "mark");
      break;
    case FAULT_UNDECLARED_LAYER:
      tamis_layer_add (tamis_doc_ensure_layer (doc, "secret"), 0, 1, "mark");
      break;
    case FAULT_UNDECLARED_ATTR:
      layer = tamis_doc_ensure_layer (doc, "rogue");
      tamis_layer_set_string (layer, tamis_layer_add (layer, 0, 1, "mark"), "extra", "x");
      break;
    case FAULT_WRONG_TYPE:
      layer = tamis_doc_ensure_layer (doc, "rogue");
      tamis_layer_set_string (layer, tamis_layer_add (layer, 0, 1, "mark"), "n", "one");
      break;
    case FAULT_BAD_LABEL:
      tamis_layer_add (tamis_doc_ensure_layer (doc, "rogue"), 0, 1, "smudge");
      break;
    case FAULT_DOC_ATTR_TYPE:
      tamis_doc_set_string (doc, "rogue_n", "many");
      break;
    case FAULT_CRASH:
      raise (SIGSEGV);
      break;
    case FAULT_HANG:
      for (;;)
        pause ();
      break;
    case FAULT_SLOW:
      break;
    case FAULT_HOG:
      /* 1 GiB in 16 MiB steps, every page touched so that it is resident;
       * never freed, as a leak would not be */
      for (guint step = 0; step < 64; step++)
        {
          volatile char *block = g_malloc (16 << 20);
          for (gsize at = 0; at < (16 << 20); at += 4096)
            block[at] = 1;
          g_usleep (1000);
        }
      break;
    }
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (rogue, "0.1", "breaks the plugin contract on purpose",
                     .options = TAMIS_OPTIONS (
                       { "fault", TAMIS_OPTION_STRING, "past-end", faults,
                         .help = "which rule to break on documents starting with '!'" }),
                     .writes = TAMIS_WRITES (
                       TAMIS_LAYER ("rogue", TAMIS_NAMES ("mark"),
                                    TAMIS_ATTRIBUTES ({ "n", TAMIS_VALUE_INT, NULL }), NULL),
                       TAMIS_ATTR ("rogue_n", TAMIS_VALUE_INT, NULL)),
                     .create = rogue_create,
                     .process = rogue_process)
