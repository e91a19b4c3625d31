/* memest_sym_test.c: the symbolic sizes of the memory estimator
 * (passes/memest_sym.c): canonical sums, bounds kept as rationals and
 * printed rounded up, max() that drops what another argument covers,
 * summing over a loop's items, and the file statistics measured at
 * compile time. */
#include "passes/memest.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __LINE__)

static bool check(bool ok, const char *what, int line)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "memest_sym_test.c:%d: FAILED: %s\n", line, what);
	}
	return ok;
}

static SymCtx S;

/* The formula as text. */
static const char *text(const Sym *s, bool unused)
{
	static char buf[4][512];
	static int k;
	(void)unused;
	StrBuf b;
	sb_init(&b);
	sym_print(&b, s);
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s", b.data);
	sb_free(&b);
	return buf[k];
}

#define CHECK_TEXT(s, want) check_text((s), false, (want), __LINE__)
#define CHECK_BASIC(s, want) check_text((s), true, (want), __LINE__)

static void check_text(const Sym *s, bool basic, const char *want, int line)
{
	const char *got = text(basic ? sym_basic(&S, s) : s, false);
	if (!check(strcmp(got, want) == 0, want, line))
		fprintf(stderr, "  got: %s\n", got);
}

static const Sym *snum(uint64_t v)
{
	return sym_num(&S, v);
}

static void test_sums(void)
{
	const Sym *L = sym_file(&S, "a.txt", FS_LINES);
	const Sym *B = sym_file(&S, "a.txt", FS_BYTES);
	/* terms merge, constants first, files by path */
	const Sym *x = sym_add(&S, sym_add(&S, sym_scale(&S, L, 2), snum(3)), sym_add(&S, L, snum(1)));
	CHECK_TEXT(x, "4 + 3 * file_lines('a.txt')");
	CHECK(sym_equal(x, sym_add(&S, snum(4), sym_scale(&S, L, 3))));
	CHECK_TEXT(sym_mul(&S, sym_add(&S, L, snum(1)), B),
	           "file_bytes('a.txt') + file_lines('a.txt') * file_bytes('a.txt')");
	/* halves stay exact and print rounded up */
	CHECK_TEXT(sym_div(&S, sym_add(&S, L, snum(1)), 2), "(2 + file_lines('a.txt')) // 2");
	uint64_t v;
	CHECK(sym_is_num(sym_div(&S, snum(7), 2), &v) && v == 4);
	/* unknown takes over a sum, not a product by nothing */
	CHECK_TEXT(sym_add(&S, L, sym_unknown(&S)), "unknown");
	CHECK(sym_is_zero(sym_mul(&S, snum(0), sym_unknown(&S))));
	/* quotes and backslashes in paths make a valid Python literal */
	CHECK_TEXT(sym_file(&S, "it's\\x", FS_LINES), "file_lines('it\\'s\\\\x')");
	CHECK_TEXT(sym_file_sep(&S, "a.txt", FS_COUNT, ","), "file_count('a.txt', ',')");
	CHECK_TEXT(sym_file_sep(&S, "a.txt", FS_MAXCOUNT, ""), "file_max_count('a.txt', None)");
	CHECK_BASIC(sym_file_sep(&S, "a.txt", FS_COUNT, ","), "file_bytes('a.txt')");
	CHECK_BASIC(sym_mul(&S, sym_file(&S, "a.txt", FS_MAXLINE), sym_file(&S, "a.txt", FS_WIDTH)),
	            "4 * file_bytes('a.txt')");
}

static void test_max(void)
{
	const Sym *L = sym_file(&S, "a.txt", FS_LINES);
	const Sym *B = sym_file(&S, "a.txt", FS_BYTES);
	const Sym *W = sym_file(&S, "a.txt", FS_WIDTH);
	CHECK(sym_equal(sym_max(&S, sym_add(&S, L, snum(3)), sym_add(&S, L, snum(1))),
	                sym_add(&S, L, snum(3))));
	/* a file's width is at least 1 */
	CHECK(sym_equal(sym_max(&S, snum(1), W), W));
	CHECK_TEXT(sym_max(&S, snum(2), W), "max(2, file_width('a.txt'))");
	const Sym *m = sym_max(&S, L, B);
	CHECK_TEXT(m, "max(file_lines('a.txt'), file_bytes('a.txt'))");
	/* nested maxima flatten; covered arguments go */
	CHECK(sym_equal(sym_max(&S, m, sym_scale(&S, L, 1)), m));
	CHECK_TEXT(sym_max(&S, m, snum(7)), "max(7, file_lines('a.txt'), file_bytes('a.txt'))");
	CHECK(sym_le(L, sym_add(&S, L, B)));
	CHECK(!sym_le(sym_add(&S, L, B), L));
}

static void test_items(void)
{
	/* a loop over 10 lines whose lengths sum to 300, at most 80 each */
	MemAtom *it = sym_new_item(&S);
	it->max = snum(80);
	it->sum = snum(300);
	it->count = snum(10);
	const Sym *I = sym_atom(&S, it);
	uint64_t v;
	/* 49 + len per line sums to 49 * 10 + 300 */
	const Sym *per = sym_add(&S, snum(49), I);
	CHECK(sym_is_num(sym_sum_over(&S, per, it, it->count), &v) && v == 790);
	/* len * len is no sum of lengths: 10 * 80 * 80 */
	CHECK(sym_is_num(sym_sum_over(&S, sym_mul(&S, I, I), it, it->count), &v) && v == 64000);
	/* one iteration: its maximum */
	CHECK(sym_is_num(sym_max_over(&S, per, it), &v) && v == 129);
	/* a second measure of the same item (commas in it) sums to its own */
	MemAtom *c = sym_new_measure(&S, it);
	c->max = snum(4);
	c->sum = snum(25);
	const Sym *both = sym_add(&S, sym_atom(&S, c), I);
	CHECK(sym_is_num(sym_sum_over(&S, both, it, it->count), &v) && v == 325);
	CHECK(sym_is_num(sym_no_items(&S, both), &v) && v == 84);
	/* an item inside max() is bounded by its maximum */
	const Sym *mx = sym_max(&S, I, sym_file(&S, "a.txt", FS_LINES));
	CHECK(!sym_has_item(sym_sum_over(&S, mx, it, it->count), it));
}

static void test_files(void)
{
	char dir[] = "/tmp/memest_sym_test.XXXXXX";
	if (!check(mkdtemp(dir) != NULL, "mkdtemp", __LINE__))
		return;
	char path[600];
	snprintf(path, sizeof path, "%s/d.txt", dir);
	FILE *f = fopen(path, "wb");
	/* a CR LF line, a CR line, a last line without an end; one é */
	fputs("a,b,c\r\nx y\rcaf\xc3\xa9, z", f);
	fclose(f);
	SymCtx T;
	Arena a;
	arena_init(&a);
	symctx_init(&T, &a, dir);
	const FileStat *st = sym_file_stat(&T, "d.txt");
	CHECK(st->found);
	CHECK(st->v[FS_LINES] == 3);
	CHECK(st->v[FS_BYTES] == 19);
	CHECK(st->v[FS_MAXLINE] == 8);
	CHECK(st->v[FS_WIDTH] == 4);
	const SepStat *ss = sym_sep_stat(&T, "d.txt", ",");
	CHECK(ss->found && ss->count == 3 && ss->maxcount == 2);
	/* words: a,b,c | x y | café, z -> 1 + 2 + 2, and the non-ASCII
	 * bytes may each be whitespace: 2 more */
	const SepStat *ws = sym_sep_stat(&T, "d.txt", "");
	CHECK(ws->found && ws->count == 7 && ws->maxcount == 4);
	uint64_t v = sym_eval(&T, sym_add(&T, sym_file(&T, "d.txt", FS_LINES),
	                                  sym_file_sep(&T, "d.txt", FS_COUNT, ",")));
	CHECK(v == 6);
	CHECK(sym_eval(&T, sym_file(&T, "missing.txt", FS_BYTES)) == MEM_INF);
	symctx_free(&T);
	arena_free(&a);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	Arena a;
	arena_init(&a);
	symctx_init(&S, &a, ".");
	test_sums();
	test_max();
	test_items();
	test_files();
	symctx_free(&S);
	arena_free(&a);
	printf("memest_sym_test: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
