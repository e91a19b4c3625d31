/* pass_registry.c: the table of passes built from passes.def, and the
 * command-line options that name them (-passes=, -print-after=, ...).
 * Kept apart from the pass manager so the options and the passes can be
 * used and tested without the printer and the verifier. */
#include "passes/passes.h"

#include <string.h>

const PassInfo pass_registry[] = {
#define PASS(name, fn, desc) {name, fn, desc, NULL},
#define MODULE_PASS(name, fn, desc) {name, NULL, desc, fn},
#include "passes/passes.def"
};

const int pass_registry_len = (int)(sizeof pass_registry / sizeof pass_registry[0]);

int pass_lookup(const char *name, size_t len)
{
	for (int k = 0; k < pass_registry_len; k++)
		if (strlen(pass_registry[k].name) == len &&
		    memcmp(pass_registry[k].name, name, len) == 0)
			return k;
	return -1;
}

bool pass_next_name(const char **list, const char **name, size_t *len)
{
	const char *s = *list;
	if (!s)
		return false;
	const char *comma = strchr(s, ',');
	*name = s;
	*len = comma ? (size_t)(comma - s) : strlen(s);
	*list = comma ? comma + 1 : NULL;
	return true;
}

/* Whether arg is `option` or `option=VALUE`; *value is VALUE, or NULL
 * for the bare option. */
static bool option_is(const char *arg, const char *option, const char **value)
{
	size_t n = strlen(option);
	if (strncmp(arg, option, n) != 0 || (arg[n] != 0 && arg[n] != '='))
		return false;
	*value = arg[n] == '=' ? arg + n + 1 : NULL;
	return true;
}

/* A list option: 1 and sets *field if arg is it with a value, -1 if arg
 * is it without (or, unless empty_ok, with an empty one), 0 otherwise. */
static int list_option(const char *arg, const char *name, bool empty_ok, const char **field)
{
	const char *v;
	if (!option_is(arg, name, &v))
		return 0;
	if (!v || (!*v && !empty_ok)) {
		fprintf(stderr, "surgec: error: option '%s' needs a value: %s=NAME[,NAME...]\n",
		        name, name);
		return -1;
	}
	*field = v;
	return 1;
}

/* A flag: 1 and sets *field if arg is it, -1 if arg is it with a value,
 * 0 otherwise. */
static int flag_option(const char *arg, const char *name, bool *field)
{
	const char *v;
	if (!option_is(arg, name, &v))
		return 0;
	if (v) {
		fprintf(stderr, "surgec: error: option '%s' takes no value\n", name);
		return -1;
	}
	*field = true;
	return 1;
}

int pass_parse_option(const char *arg, PassOptions *o)
{
	int r;
	/* An empty pipeline (-passes=) is allowed: it runs no pass. */
	if ((r = list_option(arg, "-passes", true, &o->pipeline)) ||
	    (r = list_option(arg, "-print-after", false, &o->print_after)) ||
	    (r = flag_option(arg, "-print-after-all", &o->print_after_all)) ||
	    (r = flag_option(arg, "-debug-pass-manager", &o->debug_pass_manager)) ||
	    (r = flag_option(arg, "-time-passes", &o->time_passes)) ||
	    (r = flag_option(arg, "-verify-each", &o->verify_each)))
		return r;
	return 0;
}

static bool check_list(const char *list, const char *option)
{
	if (!list || !*list)
		return true;
	const char *whole = list;
	const char *name;
	size_t len;
	bool ok = true;
	while (pass_next_name(&list, &name, &len)) {
		if (len == 0) {
			fprintf(stderr, "surgec: error: empty pass name in '%s=%s'\n",
			        option, whole);
			ok = false;
		} else if (pass_lookup(name, len) < 0) {
			fprintf(stderr, "surgec: error: unknown pass name '%.*s'\n", (int)len, name);
			ok = false;
		}
	}
	return ok;
}

/* out-of-ssa leaves SSA form, which every other pass needs: only
 * out-of-ssa itself (then a no-op) may follow it. */
static bool check_out_of_ssa_last(const char *list)
{
	const char *name;
	size_t len;
	bool after = false;
	while (list && pass_next_name(&list, &name, &len)) {
		bool is_it = len == strlen("out-of-ssa") && memcmp(name, "out-of-ssa", len) == 0;
		if (after && !is_it && pass_lookup(name, len) >= 0) {
			fprintf(stderr, "surgec: error: pass '%.*s' cannot run after 'out-of-ssa', "
			        "which leaves SSA form: out-of-ssa must be the last pass\n", (int)len, name);
			return false;
		}
		after |= is_it;
	}
	return true;
}

bool pass_check_options(const PassOptions *o)
{
	/* Check both lists so the user sees every bad name in one run. */
	bool ok = check_list(o->pipeline, "-passes");
	ok = check_out_of_ssa_last(o->pipeline) && ok;
	return check_list(o->print_after, "-print-after") && ok;
}

void pass_list(FILE *f)
{
	int width = 0;
	for (int k = 0; k < pass_registry_len; k++) {
		int n = (int)strlen(pass_registry[k].name);
		if (n > width)
			width = n;
	}
	for (int k = 0; k < pass_registry_len; k++)
		fprintf(f, "  %-*s  %s\n", width, pass_registry[k].name, pass_registry[k].desc);
}
