/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flatpak-manifest.c
 *
 * Offline sanity checks for the Flatpak manifest: identity, runtime,
 * sandbox permissions and reproducibility of module sources.
 *
 * Environment:
 *   KL_FLATPAK_MANIFEST  path of the manifest (JSON)
 *   KL_APPLICATION_ID    expected application id
 *   KL_EXECUTABLE        expected command (and name of the app module)
 */

#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#define EXPECTED_RUNTIME         "org.gnome.Platform"
#define EXPECTED_SDK             "org.gnome.Sdk"
#define EXPECTED_RUNTIME_VERSION "50"

static const char * const required_finish_args[] = {
  "--share=ipc",
  "--socket=wayland",
  "--socket=fallback-x11",
  "--device=dri",
};

/* Forbidden when equal to the argument. */
static const char * const forbidden_finish_args[] = {
  "--socket=x11",
  "--share=network",
  "--talk-name=org.freedesktop.Flatpak",
  "--device=all",
};

/* Forbidden when the argument starts with these (home, home:ro,
 * host, host-os, host-etc, ~/Documents, ...).
 */
static const char * const forbidden_finish_arg_prefixes[] = {
  "--filesystem=home",
  "--filesystem=host",
  "--filesystem=~",
};

static const char * const known_buildsystems[] = {
  "autotools",
  "cmake",
  "cmake-ninja",
  "meson",
  "qmake",
  "simple",
};

/* A module or a source, with where it came from. */
typedef struct
{
  char       *label;
  char       *base_dir;  /* directory relative paths are resolved against */
  JsonObject *object;    /* borrowed from a node owned by the Manifest */
  guint       depth;     /* 0 for top-level modules */
} Entry;

typedef struct
{
  char       *path;
  char       *base_dir;
  JsonObject *object;
  GPtrArray  *nodes;     /* JsonNode: the manifest and included files */
} Manifest;

static void report (const char *format,
                    ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* g_test_fail_printf() keeps only the last message, so log each one. */
  g_test_message ("FAIL: %s", message);
  g_test_fail_printf ("%s", message);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  g_free (entry->base_dir);
  g_free (entry);
}

static void
manifest_free (Manifest *manifest)
{
  g_free (manifest->path);
  g_free (manifest->base_dir);
  g_clear_pointer (&manifest->nodes, g_ptr_array_unref);
  g_free (manifest);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Manifest, manifest_free)

static const char *
require_env (const char *variable)
{
  const char *value = g_getenv (variable);

  if (value == NULL || *value == '\0')
    {
      report ("environment variable %s is not set", variable);
      return NULL;
    }

  return value;
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL
      || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
object_get_array (JsonObject *object,
                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_hex_of_length (const char *str,
                  gsize       length)
{
  if (str == NULL || strlen (str) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isxdigit (str[i]))
        return FALSE;
    }

  return TRUE;
}

static JsonNode *
load_json_file (const char  *path,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                 "file is empty");

  return root;
}

/* Loads a file referenced from the manifest; the manifest keeps it alive. */
static JsonNode *
manifest_include (Manifest    *manifest,
                  const char  *path,
                  GError     **error)
{
  JsonNode *node = load_json_file (path, error);

  if (node != NULL)
    g_ptr_array_add (manifest->nodes, node);

  return node;
}

static Manifest *
manifest_load (void)
{
  g_autoptr(Manifest) manifest = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  JsonNode *root;

  if (!(path = require_env ("KL_FLATPAK_MANIFEST")))
    return NULL;

  if (!(root = load_json_file (path, &error)))
    {
      report ("%s: cannot parse manifest: %s", path, error->message);
      return NULL;
    }

  manifest = g_new0 (Manifest, 1);
  manifest->path = g_strdup (path);
  manifest->base_dir = g_path_get_dirname (path);
  manifest->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_ptr_array_add (manifest->nodes, root);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report ("%s: top level is a JSON %s, not an object",
              path, json_node_type_name (root));
      return NULL;
    }

  manifest->object = json_node_get_object (root);

  return g_steal_pointer (&manifest);
}

/* Flattens "modules" (including nested and included ones) into @out,
 * children before their parent, as flatpak-builder builds them.
 */
static void
collect_modules (Manifest   *manifest,
                 JsonArray  *modules,
                 const char *base_dir,
                 const char *parent_label,
                 guint       depth,
                 GPtrArray  *out)
{
  guint n_modules = json_array_get_length (modules);

  for (guint i = 0; i < n_modules; i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      g_autofree char *module_dir = g_strdup (base_dir);
      g_autofree char *where = NULL;
      JsonObject *object;
      JsonArray *children;
      const char *name;
      Entry *entry;

      if (parent_label != NULL)
        where = g_strdup_printf ("module '%s', submodule #%u", parent_label, i);
      else
        where = g_strdup_printf ("module #%u", i);

      if (node_is_string (node))
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *file = NULL;
          const char *relative = json_node_get_string (node);

          file = g_build_filename (base_dir, relative, NULL);
          if (!(node = manifest_include (manifest, file, &error)))
            {
              report ("%s refers to '%s', which cannot be checked: %s",
                      where, relative, error->message);
              continue;
            }

          g_free (module_dir);
          module_dir = g_path_get_dirname (file);
        }

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          report ("%s is a JSON %s, not an object",
                  where, json_node_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      name = object_get_string (object, "name");

      entry = g_new0 (Entry, 1);
      entry->object = object;
      entry->depth = depth;
      entry->base_dir = g_strdup (module_dir);
      if (name != NULL && *name != '\0')
        entry->label = g_strdup (name);
      else
        entry->label = g_strdup_printf ("%s (unnamed)", where);

      if ((children = object_get_array (object, "modules")))
        collect_modules (manifest, children, module_dir, entry->label, depth + 1, out);

      g_ptr_array_add (out, entry);
    }
}

static GPtrArray *
manifest_get_modules (Manifest *manifest)
{
  GPtrArray *modules = g_ptr_array_new_with_free_func (entry_free);
  JsonArray *array;

  if (!(array = object_get_array (manifest->object, "modules")))
    {
      report ("%s: no \"modules\" array", manifest->path);
      return modules;
    }

  collect_modules (manifest, array, manifest->base_dir, NULL, 0, modules);

  if (modules->len == 0)
    report ("%s: \"modules\" is empty", manifest->path);

  return modules;
}

static void
add_source (GPtrArray  *out,
            JsonNode   *node,
            const char *label,
            const char *base_dir)
{
  Entry *entry;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report ("%s is a JSON %s, not an object",
              label, json_node_type_name (node));
      return;
    }

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->base_dir = g_strdup (base_dir);
  entry->object = json_node_get_object (node);
  g_ptr_array_add (out, entry);
}

static GPtrArray *
manifest_get_sources (Manifest  *manifest,
                      GPtrArray *modules)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func (entry_free);

  for (guint i = 0; i < modules->len; i++)
    {
      const Entry *module = g_ptr_array_index (modules, i);
      JsonArray *array;
      guint n_sources;

      if (!(array = object_get_array (module->object, "sources")))
        continue;

      n_sources = json_array_get_length (array);

      for (guint j = 0; j < n_sources; j++)
        {
          JsonNode *node = json_array_get_element (array, j);
          g_autofree char *label = NULL;

          label = g_strdup_printf ("module '%s', source #%u", module->label, j);

          if (node_is_string (node))
            {
              g_autoptr(GError) error = NULL;
              g_autofree char *file = NULL;
              g_autofree char *file_dir = NULL;
              const char *relative = json_node_get_string (node);

              file = g_build_filename (module->base_dir, relative, NULL);
              if (!(node = manifest_include (manifest, file, &error)))
                {
                  report ("%s refers to '%s', which cannot be checked: %s",
                          label, relative, error->message);
                  continue;
                }

              file_dir = g_path_get_dirname (file);

              if (JSON_NODE_HOLDS_ARRAY (node))
                {
                  JsonArray *included = json_node_get_array (node);
                  guint n_included = json_array_get_length (included);

                  for (guint k = 0; k < n_included; k++)
                    {
                      g_autofree char *sub_label = NULL;

                      sub_label = g_strdup_printf ("%s ('%s' #%u)", label, relative, k);
                      add_source (sources,
                                  json_array_get_element (included, k),
                                  sub_label, file_dir);
                    }

                  continue;
                }

              add_source (sources, node, label, file_dir);
              continue;
            }

          add_source (sources, node, label, module->base_dir);
        }
    }

  return sources;
}

static void
test_parse (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();

  if (manifest == NULL)
    return;

  g_test_message ("parsed %s", manifest->path);
}

static void
test_app_id (void)
{
  g_autoptr(Manifest) manifest = NULL;
  const char *expected;
  const char *id;
  const char *app_id;

  if (!(expected = require_env ("KL_APPLICATION_ID")))
    return;

  if (!(manifest = manifest_load ()))
    return;

  id = object_get_string (manifest->object, "id");
  app_id = object_get_string (manifest->object, "app-id");

  if (id == NULL && app_id == NULL)
    {
      report ("%s: no string \"id\" (or \"app-id\"); expected \"%s\"",
              manifest->path, expected);
      return;
    }

  if (id != NULL && g_strcmp0 (id, expected) != 0)
    report ("%s: \"id\" is \"%s\", expected \"%s\"",
            manifest->path, id, expected);

  if (app_id != NULL && g_strcmp0 (app_id, expected) != 0)
    report ("%s: \"app-id\" is \"%s\", expected \"%s\"",
            manifest->path, app_id, expected);
}

static void
test_command (void)
{
  g_autoptr(Manifest) manifest = NULL;
  const char *expected;
  const char *command;

  if (!(expected = require_env ("KL_EXECUTABLE")))
    return;

  if (!(manifest = manifest_load ()))
    return;

  command = object_get_string (manifest->object, "command");

  if (command == NULL)
    report ("%s: no string \"command\"; expected \"%s\"",
            manifest->path, expected);
  else if (strcmp (command, expected) != 0)
    report ("%s: \"command\" is \"%s\", expected \"%s\"",
            manifest->path, command, expected);
}

static void
check_string_member (Manifest   *manifest,
                     const char *member,
                     const char *expected)
{
  JsonNode *node = json_object_get_member (manifest->object, member);

  if (node == NULL)
    report ("%s: \"%s\" is missing; expected \"%s\"",
            manifest->path, member, expected);
  else if (!node_is_string (node))
    report ("%s: \"%s\" must be the string \"%s\", not a JSON %s",
            manifest->path, member, expected, json_node_type_name (node));
  else if (strcmp (json_node_get_string (node), expected) != 0)
    report ("%s: \"%s\" is \"%s\", expected \"%s\"",
            manifest->path, member, json_node_get_string (node), expected);
}

static void
test_runtime (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();

  if (manifest == NULL)
    return;

  check_string_member (manifest, "runtime", EXPECTED_RUNTIME);
  check_string_member (manifest, "sdk", EXPECTED_SDK);
  check_string_member (manifest, "runtime-version", EXPECTED_RUNTIME_VERSION);
}

/* Returns the finish-args as a NULL-terminated vector of borrowed strings. */
static const char **
manifest_get_finish_args (Manifest *manifest)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  JsonArray *array;

  if ((array = object_get_array (manifest->object, "finish-args")))
    {
      guint n_args = json_array_get_length (array);

      for (guint i = 0; i < n_args; i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (node_is_string (node))
            g_ptr_array_add (args, (gpointer) json_node_get_string (node));
          else
            report ("%s: finish-args element #%u is a JSON %s, not a string",
                    manifest->path, i, json_node_type_name (node));
        }
    }
  else
    {
      report ("%s: no \"finish-args\" array", manifest->path);
    }

  g_ptr_array_add (args, NULL);

  return (const char **) g_ptr_array_free (g_steal_pointer (&args), FALSE);
}

static void
test_finish_args_required (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();
  g_autofree const char **args = NULL;

  if (manifest == NULL)
    return;

  args = manifest_get_finish_args (manifest);

  for (guint i = 0; i < G_N_ELEMENTS (required_finish_args); i++)
    {
      if (!g_strv_contains (args, required_finish_args[i]))
        report ("%s: finish-args lacks required \"%s\"",
                manifest->path, required_finish_args[i]);
    }
}

static void
test_finish_args_forbidden (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();
  g_autofree const char **args = NULL;

  if (manifest == NULL)
    return;

  args = manifest_get_finish_args (manifest);

  for (guint i = 0; args[i] != NULL; i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (forbidden_finish_args); j++)
        {
          if (strcmp (args[i], forbidden_finish_args[j]) == 0)
            report ("%s: finish-args contains forbidden \"%s\"",
                    manifest->path, args[i]);
        }

      for (guint j = 0; j < G_N_ELEMENTS (forbidden_finish_arg_prefixes); j++)
        {
          if (g_str_has_prefix (args[i], forbidden_finish_arg_prefixes[j]))
            report ("%s: finish-args contains forbidden \"%s\" (no %s* access: "
                    "files go through the portal)",
                    manifest->path, args[i], forbidden_finish_arg_prefixes[j]);
        }
    }
}

static void
test_modules_name_buildsystem (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();
  g_autoptr(GPtrArray) modules = NULL;

  if (manifest == NULL)
    return;

  modules = manifest_get_modules (manifest);

  for (guint i = 0; i < modules->len; i++)
    {
      const Entry *module = g_ptr_array_index (modules, i);
      const char *name = object_get_string (module->object, "name");
      const char *buildsystem = object_get_string (module->object, "buildsystem");

      if (name == NULL || *name == '\0')
        report ("%s: %s has no \"name\"", manifest->path, module->label);

      if (buildsystem == NULL || *buildsystem == '\0')
        report ("%s: module '%s' has no \"buildsystem\"",
                manifest->path, module->label);
      else if (!g_strv_contains (known_buildsystems, buildsystem))
        report ("%s: module '%s' has unknown buildsystem \"%s\"",
                manifest->path, module->label, buildsystem);
    }
}

/* Checks "url" of a remote source; returns FALSE if there is none. */
static gboolean
check_source_url (Manifest    *manifest,
                  const Entry *source,
                  const char  *type)
{
  const char *url = object_get_string (source->object, "url");

  if (url == NULL)
    return FALSE;

  if (!g_str_has_prefix (url, "https://"))
    report ("%s: %s (%s) has url \"%s\", which is not https://",
            manifest->path, source->label, type, url);

  return TRUE;
}

static void
test_sources_git (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  if (manifest == NULL)
    return;

  modules = manifest_get_modules (manifest);
  sources = manifest_get_sources (manifest, modules);

  for (guint i = 0; i < sources->len; i++)
    {
      const Entry *source = g_ptr_array_index (sources, i);
      const char *type = object_get_string (source->object, "type");
      const char *commit;

      if (g_strcmp0 (type, "git") != 0)
        continue;

      if (!check_source_url (manifest, source, "git"))
        report ("%s: %s (git) has no \"url\"; expected an https:// url",
                manifest->path, source->label);

      commit = object_get_string (source->object, "commit");

      if (commit == NULL)
        report ("%s: %s (git) has no \"commit\"; a tag or branch alone "
                "is not reproducible, pin the 40-character commit",
                manifest->path, source->label);
      else if (!is_hex_of_length (commit, 40))
        report ("%s: %s (git) has \"commit\" \"%s\", which is not 40 hex characters",
                manifest->path, source->label, commit);
    }
}

static void
test_sources_archive (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  if (manifest == NULL)
    return;

  modules = manifest_get_modules (manifest);
  sources = manifest_get_sources (manifest, modules);

  for (guint i = 0; i < sources->len; i++)
    {
      const Entry *source = g_ptr_array_index (sources, i);
      const char *type = object_get_string (source->object, "type");
      const char *sha256;

      if (g_strcmp0 (type, "archive") != 0 && g_strcmp0 (type, "file") != 0)
        continue;

      /* A "path" without "url" is a file in this repository. */
      if (!check_source_url (manifest, source, type))
        {
          if (object_get_string (source->object, "path") == NULL)
            report ("%s: %s (%s) has neither \"url\" nor \"path\"",
                    manifest->path, source->label, type);
          continue;
        }

      sha256 = object_get_string (source->object, "sha256");

      if (sha256 == NULL)
        report ("%s: %s (%s) has no \"sha256\"",
                manifest->path, source->label, type);
      else if (!is_hex_of_length (sha256, 64))
        report ("%s: %s (%s) has \"sha256\" \"%s\", which is not 64 hex characters",
                manifest->path, source->label, type, sha256);
    }
}

static void
test_app_module_last (void)
{
  g_autoptr(Manifest) manifest = NULL;
  g_autoptr(GPtrArray) modules = NULL;
  const Entry *last = NULL;
  const char *expected;
  const char *name;
  const char *buildsystem;

  if (!(expected = require_env ("KL_EXECUTABLE")))
    return;

  if (!(manifest = manifest_load ()))
    return;

  modules = manifest_get_modules (manifest);

  for (guint i = 0; i < modules->len; i++)
    {
      const Entry *module = g_ptr_array_index (modules, i);

      if (module->depth == 0)
        last = module;
    }

  if (last == NULL)
    return;

  name = object_get_string (last->object, "name");
  buildsystem = object_get_string (last->object, "buildsystem");

  if (g_strcmp0 (name, expected) != 0)
    report ("%s: last module is '%s', expected the app module '%s'",
            manifest->path, last->label, expected);

  if (g_strcmp0 (buildsystem, "meson") != 0)
    report ("%s: last module '%s' has buildsystem \"%s\", expected \"meson\"",
            manifest->path, last->label, buildsystem ? buildsystem : "(none)");
}

static void
test_libxlsxwriter_module (void)
{
  g_autoptr(Manifest) manifest = manifest_load ();
  g_autoptr(GPtrArray) modules = NULL;

  if (manifest == NULL)
    return;

  modules = manifest_get_modules (manifest);

  for (guint i = 0; i < modules->len; i++)
    {
      const Entry *module = g_ptr_array_index (modules, i);

      if (g_strcmp0 (object_get_string (module->object, "name"), "libxlsxwriter") == 0)
        return;
    }

  report ("%s: no module named 'libxlsxwriter'", manifest->path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Run every check and report every violation instead of bailing out
   * at the first failing test.
   */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/flatpak/parse", test_parse);
  g_test_add_func ("/flatpak/app-id", test_app_id);
  g_test_add_func ("/flatpak/command", test_command);
  g_test_add_func ("/flatpak/runtime", test_runtime);
  g_test_add_func ("/flatpak/finish-args/required", test_finish_args_required);
  g_test_add_func ("/flatpak/finish-args/forbidden", test_finish_args_forbidden);
  g_test_add_func ("/flatpak/modules/name-buildsystem", test_modules_name_buildsystem);
  g_test_add_func ("/flatpak/modules/git-sources", test_sources_git);
  g_test_add_func ("/flatpak/modules/archive-sources", test_sources_archive);
  g_test_add_func ("/flatpak/modules/app-last", test_app_module_last);
  g_test_add_func ("/flatpak/modules/libxlsxwriter", test_libxlsxwriter_module);

  return g_test_run ();
}
