/* pysize_test.c: passes/pysize.c against sizes measured from CPython.
 *
 * Every expected value comes from pysize_table.h, which
 * gen_pysize_table.py writes from sys.getsizeof; nothing here is typed in
 * by hand, so a formula that drifts from CPython cannot drift with it. */
#include "passes/pysize.h"
#include "pysize_table.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;

static void check(const char *fn, const char *arg, uint64_t got, uint64_t want)
{
	if (got == want) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "pysize_test.c: FAILED: %s(%s) = %" PRIu64 ", CPython says %" PRIu64 "\n",
	        fn, arg, got, want);
}

static void check_n(const char *fn, uint64_t n, uint64_t got, uint64_t want)
{
	char arg[24];
	snprintf(arg, sizeof arg, "%" PRIu64, n);
	check(fn, arg, got, want);
}

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

/* One table per function of one count. */
#define CHECK_TABLE(fn, table)                                          \
	for (size_t k = 0; k < COUNT(table); k++)                       \
		check_n(#fn, table[k].n, fn(table[k].n), table[k].size)

int main(void)
{
	CHECK_TABLE(pysize_tuple, pysize_tuple_table);
	CHECK_TABLE(pysize_list_exact, pysize_list_exact_table);
	CHECK_TABLE(pysize_list_from_sized, pysize_list_from_sized_table);
	CHECK_TABLE(pysize_list_appended, pysize_list_appended_table);
	CHECK_TABLE(pysize_list_comprehension, pysize_list_comprehension_table);
	CHECK_TABLE(pysize_list_from_iter, pysize_list_from_iter_table);
	CHECK_TABLE(pysize_list_split, pysize_list_split_table);
	CHECK_TABLE(pysize_dict, pysize_dict_str_table);
	CHECK_TABLE(pysize_dict_general, pysize_dict_general_table);
	CHECK_TABLE(pysize_dict_display, pysize_dict_display_table);
	CHECK_TABLE(pysize_set, pysize_set_table);
	CHECK_TABLE(pysize_int_bits, pysize_int_bits_table);

	for (size_t k = 0; k < COUNT(pysize_int_table); k++)
		check("pysize_int", pysize_int_table[k].s, pysize_int(pysize_int_table[k].s),
		      pysize_int_table[k].size);

	for (size_t k = 0; k < COUNT(pysize_str_table); k++) {
		const PysizeKindRow *r = &pysize_str_table[k];
		char arg[40];
		snprintf(arg, sizeof arg, "%" PRIu64 ", kind %d", r->len, r->kind);
		check("pysize_str", arg, pysize_str(r->len, (PyStrKind)r->kind), r->size);
	}

	for (size_t k = 0; k < COUNT(pysize_str_utf8_table); k++) {
		const char *s = pysize_str_utf8_table[k].s;
		char arg[24];
		snprintf(arg, sizeof arg, "row %zu", k);
		check("pysize_str_utf8", arg, pysize_str_utf8(s, strlen(s)),
		      pysize_str_utf8_table[k].size);
	}

	check("pysize_float", "", pysize_float(), PYSIZE_FLOAT);
	check("pysize_bool", "True", pysize_bool(), PYSIZE_TRUE);
	check("pysize_bool", "False", pysize_bool(), PYSIZE_FALSE);
	check("pysize_none", "", pysize_none(), PYSIZE_NONE);

	/* Literals too long to convert fall back to a bound: never below. The
	 * table's longest int, 2**3000, is short enough to be exact, so build
	 * a longer one here: 10**20000 has 66439 bits, 2215 digits. */
	static char big[20002];
	memset(big, '0', sizeof big - 1);
	big[0] = '1';
	uint64_t bound = pysize_int(big);
	check_n("pysize_int(10**20000) >= 24 + 4 * 2215", 1, bound >= 24 + 4 * 2215, 1);
	check_n("pysize_int(10**20000) within one digit", 1, bound <= 24 + 4 * 2216, 1);

	printf("pysize_unit_test: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
