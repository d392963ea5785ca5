/* tamis — a plugin's declarations as `tamis plugins NAME` and
 * `tamis check -v` print them. */
#include "cli.h"

#include <string.h>

static const char *
option_type_name (TamisOptionType type)
{
  switch (type)
    {
    case TAMIS_OPTION_STRING: return "string";
    case TAMIS_OPTION_INT: return "integer";
    case TAMIS_OPTION_DOUBLE: return "number";
    case TAMIS_OPTION_BOOL: return "boolean";
    case TAMIS_OPTION_LIST: return "list";
    case TAMIS_OPTION_PATH: return "file";
    case TAMIS_OPTION_MAPPING: return "mapping";
    default: return "?";
    }
}

const char *
cli_value_type_name (TamisValueType type)
{
  switch (type)
    {
    case TAMIS_VALUE_STRING: return "string";
    case TAMIS_VALUE_INT: return "integer";
    case TAMIS_VALUE_DOUBLE: return "double";
    case TAMIS_VALUE_BOOL: return "boolean";
    case TAMIS_VALUE_JSON: return "JSON";
    default: return "any";
    }
}

/* "min 0, max 1, one of: a, b" for an option, or NULL. */
static char *
option_constraints (const TamisOption *option)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *choices = NULL;

  if (option->min)
    g_ptr_array_add (parts, g_strdup_printf ("min %s", option->min));
  if (option->max)
    g_ptr_array_add (parts, g_strdup_printf ("max %s", option->max));
  if (option->choices)
    {
      choices = g_strjoinv (", ", (char **) option->choices);
      g_ptr_array_add (parts, g_strdup_printf ("one of: %s", choices));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

void
cli_print_options (const TamisPlugin *plugin, const TamisPipeline *pipeline, guint stage,
                   const char *indent)
{
  int width = 0;

  if (plugin->options == NULL || plugin->options[0].name == NULL)
    {
      g_print ("%s(none)\n", indent);
      return;
    }
  for (const TamisOption *o = plugin->options; o->name; o++)
    width = MAX (width, (int) strlen (o->name));
  for (const TamisOption *o = plugin->options; o->name; o++)
    {
      g_autofree char *constraints = option_constraints (o);
      g_autofree char *value = NULL;
      gboolean is_default = TRUE;

      if (pipeline)
        value = tamis_pipeline_get_stage_option (pipeline, stage, o->name, &is_default);
      else if (o->default_value)
        value = g_strdup (o->default_value);

      g_print ("%s%-*s  %-7s  %s%s%s\n", indent, width, o->name, option_type_name (o->type),
               pipeline ? "" : "default ", value ? value : "(none)",
               pipeline && is_default && value ? " (default)" : "");
      if (o->help)
        g_print ("%s%-*s  %s\n", indent, width, "", o->help);
      if (constraints)
        g_print ("%s%-*s  %s\n", indent, width, "", constraints);
    }
}

void
cli_print_writes (const TamisPlugin *plugin, const char *const *active, const char *indent)
{
  gboolean any = FALSE;

  for (const TamisOutput *w = plugin->writes; w && w->name; w++)
    {
      if (active && !g_strv_contains (active, w->name))
        continue;
      any = TRUE;
      if (w->kind == TAMIS_OUTPUT_ATTRIBUTE)
        {
          g_print ("%sattribute %s (%s)%s%s\n", indent, w->name, cli_value_type_name (w->type),
                   w->help ? ": " : "", w->help ? w->help : "");
          continue;
        }
      g_print ("%slayer %s%s%s\n", indent, w->name, w->help ? ": " : "", w->help ? w->help : "");
      if (w->labels)
        {
          g_autofree char *labels = g_strjoinv (" | ", (char **) w->labels);
          g_print ("%s  label      %s\n", indent, labels);
        }
      else
        g_print ("%s  label      any\n", indent);
      for (const TamisAttribute *a = w->attributes; a && a->name; a++)
        g_print ("%s  %-10s %-8s %s\n", indent, a->name, cli_value_type_name (a->type),
                 a->help ? a->help : "");
    }
  if (!any)
    g_print ("%s(nothing)\n", indent);
}

void
cli_print_plugin (const TamisPluginEntry *entry)
{
  const TamisPlugin *plugin = tamis_plugin_entry_get_plugin (entry);
  g_autofree char *reads = cli_join (plugin->reads, "(nothing)");
  g_autofree char *languages = cli_join (plugin->languages, "any");

  g_print ("%s %s\n", plugin->name, plugin->version);
  g_print ("  %s\n\n", plugin->summary ? plugin->summary : "");
  g_print ("  file:       %s\n", tamis_plugin_entry_get_path (entry));
  g_print ("  built in:   %s\n", tamis_plugin_entry_is_builtin (entry) ? "yes" : "no");
  g_print ("  threads:    %s\n", plugin->flags & TAMIS_PLUGIN_SERIAL
                                    ? "serial (one document at a time)"
                                    : "parallel (documents run side by side)");
  g_print ("  languages:  %s\n", languages);
  g_print ("  ABI:        %u.%u\n", plugin->abi_major, plugin->abi_minor);
  g_print ("\nOptions:\n");
  cli_print_options (plugin, NULL, 0, "  ");
  g_print ("\nReads:\n  %s\n", reads);
  g_print ("\nWrites:\n");
  cli_print_writes (plugin, NULL, "  ");
}
