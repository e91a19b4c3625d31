/* pysize.c: CPython 3.11's object sizes (see pysize.h).
 *
 * The containers are not closed formulas: each reproduces the growth code
 * of Objects/listobject.c, dictobject.c or setobject.c. Growth is
 * geometric, so the functions step from one resize to the next instead of
 * one insert at a time and cost O(log n) even for the sizes of whole
 * input files. */
#include "passes/pysize.h"

#include <stdbool.h>

enum {
	GC_HEAD = 16,     /* PyGC_Head, counted by sys.getsizeof */
	INT_HEAD = 24,    /* offsetof(PyLongObject, ob_digit) */
	INT_DIGIT_BITS = 30,
	ASCII_HEAD = 48,  /* sizeof(PyASCIIObject) */
	COMPACT_HEAD = 72, /* sizeof(PyCompactUnicodeObject) */
	TUPLE_HEAD = 24 + GC_HEAD,
	LIST_HEAD = 40 + GC_HEAD,
	DICT_HEAD = 48 + GC_HEAD,
	DICT_KEYS_HEAD = 32, /* sizeof(PyDictKeysObject) */
	DICT_MIN_LOG2 = 3,   /* PyDict_MINSIZE == 8 */
	SET_HEAD = 200 + GC_HEAD, /* includes the 8-entry smalltable */
	SET_MINSIZE = 8,
	SET_ENTRY = 16,
	PTR = 8,
};

/* ---- scalars ---- */

uint64_t pysize_int_bits(uint64_t bits)
{
	uint64_t digits = (bits + INT_DIGIT_BITS - 1) / INT_DIGIT_BITS;
	/* 0 has no digits but int.__sizeof__ counts one. */
	return INT_HEAD + 4 * (digits ? digits : 1);
}

/* An upper bound for a decimal literal too long to convert: log2(10) <
 * 3.3220, so d digits need at most d * 33220 / 10000 + 1 bits. */
static uint64_t int_bound(const char *s)
{
	uint64_t ndec = 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			ndec++;
	}
	return pysize_int_bits(ndec * 33220 / 10000 + 1);
}

uint64_t pysize_int(const char *s)
{
	/* Converts to base 2^30 as CPython does and counts the digits: the bit
	 * length of a decimal string has no shortcut that is exact. Quadratic,
	 * which is fine for the literals of a program. Past MAX_LIMBS digits
	 * (about 9,600 decimal digits) it falls back to a bound from the
	 * decimal digit count, which is never below. */
	enum { MAX_LIMBS = 1024 };
	uint32_t limb[MAX_LIMBS];
	size_t nlimbs = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			continue;
		uint64_t carry = (uint64_t)(*p - '0');
		for (size_t k = 0; k < nlimbs; k++) {
			uint64_t v = (uint64_t)limb[k] * 10 + carry;
			limb[k] = (uint32_t)(v & ((1u << INT_DIGIT_BITS) - 1));
			carry = v >> INT_DIGIT_BITS;
		}
		if (carry) {
			if (nlimbs == MAX_LIMBS)
				return int_bound(s);
			limb[nlimbs++] = (uint32_t)carry;
		}
	}
	return pysize_int_bits((uint64_t)nlimbs * INT_DIGIT_BITS);
}

uint64_t pysize_float(void)
{
	return 24;
}

uint64_t pysize_bool(void)
{
	return 28;
}

uint64_t pysize_none(void)
{
	return 16;
}

/* ---- str ---- */

PyStrKind pysize_str_kind(uint32_t max_char)
{
	if (max_char < 0x80)
		return PYSTR_ASCII;
	if (max_char < 0x100)
		return PYSTR_LATIN1;
	if (max_char < 0x10000)
		return PYSTR_UCS2;
	return PYSTR_UCS4;
}

uint64_t pysize_str(uint64_t len, PyStrKind kind)
{
	/* Compact strings keep their characters and a NUL after the header. */
	if (len == 0 || kind == PYSTR_ASCII)
		return ASCII_HEAD + len + 1;
	uint64_t width = kind == PYSTR_LATIN1 ? 1 : kind == PYSTR_UCS2 ? 2 : 4;
	return COMPACT_HEAD + (len + 1) * width;
}

/* The length of the UTF-8 sequence starting at p[0..n), with its code point
 * in *cp, or 0 if it is not a valid, shortest-form sequence. */
static size_t utf8_seq(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t c, min;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	} else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2, c = p[0] & 0x1f, min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3, c = p[0] & 0x0f, min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4, c = p[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[k] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

uint64_t pysize_str_utf8(const char *s, size_t nbytes)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t len = 0;
	uint32_t max_char = 0;
	for (size_t i = 0; i < nbytes; len++) {
		uint32_t c;
		size_t k = utf8_seq(p + i, nbytes - i, &c);
		if (k == 0) {
			c = 0xdc00 + p[i]; /* surrogateescape */
			k = 1;
		}
		if (c > max_char)
			max_char = c;
		i += k;
	}
	return pysize_str(len, pysize_str_kind(max_char));
}

/* ---- tuple ---- */

uint64_t pysize_tuple(uint64_t n)
{
	return TUPLE_HEAD + PTR * n;
}

/* ---- list ---- */

static uint64_t list_bytes(uint64_t slots)
{
	return LIST_HEAD + PTR * slots;
}

/* The allocated slots after list_resize(self, newsize) on a list of size
 * items and allocated slots (Objects/listobject.c, 3.11). */
static uint64_t list_resize(uint64_t allocated, uint64_t size, uint64_t newsize)
{
	if (allocated >= newsize && newsize >= allocated >> 1)
		return allocated;
	uint64_t grown = (newsize + (newsize >> 3) + 6) & ~(uint64_t)3;
	/* Do not over-allocate when the new size is closer to that than to
	 * the old size (a big extend). */
	if (newsize - size > grown - newsize)
		grown = (newsize + 3) & ~(uint64_t)3;
	return newsize == 0 ? 0 : grown;
}

/* The slots after appending to a full list of `allocated` slots until it
 * holds n items: each append to a full list resizes to size + 1, and the
 * appends in between fit. */
static uint64_t list_grow_to(uint64_t allocated, uint64_t n)
{
	while (allocated < n)
		allocated = list_resize(allocated, allocated, allocated + 1);
	return allocated;
}

uint64_t pysize_list_exact(uint64_t n)
{
	return list_bytes(n);
}

uint64_t pysize_list_from_sized(uint64_t n)
{
	return list_bytes((n + 1) & ~(uint64_t)1);
}

uint64_t pysize_list_appended(uint64_t n)
{
	return list_bytes(list_grow_to(0, n));
}

uint64_t pysize_list_comprehension(uint64_t n)
{
	return pysize_list_appended(n);
}

uint64_t pysize_list_from_iter(uint64_t n)
{
	uint64_t allocated = list_resize(0, 0, 8); /* PyObject_LengthHint's default */
	allocated = list_grow_to(allocated, n);
	/* list_extend gives back the unused tail of the hint at the end. */
	if (n < allocated)
		allocated = list_resize(allocated, n, n);
	return list_bytes(allocated);
}

uint64_t pysize_list_split(uint64_t n)
{
	/* MAX_PREALLOC in Objects/stringlib/split.h: the first 12 parts go
	 * into preallocated slots, later ones are appended. */
	return list_bytes(list_grow_to(12, n));
}

/* ---- dict ---- */

/* dk_indices uses the narrowest integer that can index the table. */
static uint64_t dict_index_bytes(unsigned log2)
{
	unsigned width_log2 = log2 < 8 ? 0 : log2 < 16 ? 1 : log2 < 32 ? 2 : 3;
	return (uint64_t)1 << (log2 + width_log2);
}

static uint64_t dict_usable(unsigned log2)
{
	return (((uint64_t)1 << log2) << 1) / 3; /* USABLE_FRACTION */
}

/* The smallest log2 size, at least PyDict_MINSIZE, of a table of at least
 * minsize entries (calculate_log2_keysize). */
static unsigned dict_log2_for(uint64_t minsize)
{
	unsigned log2 = DICT_MIN_LOG2;
	while (log2 < 63 && ((uint64_t)1 << log2) < minsize)
		log2++;
	return log2;
}

static uint64_t dict_bytes(unsigned log2, uint64_t entry)
{
	return DICT_HEAD + DICT_KEYS_HEAD + dict_index_bytes(log2) + dict_usable(log2) * entry;
}

/* The log2 size of a table after n inserts into an empty dict: inserting
 * into a full table (no usable entry left) resizes to GROWTH_RATE, three
 * times the entries used. */
static unsigned dict_log2_inserted(uint64_t n)
{
	unsigned log2 = DICT_MIN_LOG2;
	while (dict_usable(log2) < n)
		log2 = dict_log2_for(dict_usable(log2) * 3);
	return log2;
}

uint64_t pysize_dict(uint64_t n)
{
	/* An empty dict shares the static empty keys, which it does not count. */
	return n == 0 ? DICT_HEAD : dict_bytes(dict_log2_inserted(n), 16);
}

uint64_t pysize_dict_general(uint64_t n)
{
	return n == 0 ? DICT_HEAD : dict_bytes(dict_log2_inserted(n), 24);
}

uint64_t pysize_dict_display(uint64_t n)
{
	if (n == 0)
		return DICT_HEAD;
	/* dict_new_presized: the minimum table when it is usable for n, else
	 * estimate_log2_keysize, room for n * 3/2. */
	unsigned log2 = n <= dict_usable(DICT_MIN_LOG2) ? DICT_MIN_LOG2
	                                                : dict_log2_for((n * 3 + 1) / 2);
	return dict_bytes(log2, 16);
}

/* ---- set ---- */

uint64_t pysize_set(uint64_t n)
{
	/* set_add_entry resizes after an insert that leaves the table at least
	 * 3/5 full, to the smallest power of two above four times the entries
	 * used (twice, past 50000). Without deletions fill == used. */
	uint64_t mask = SET_MINSIZE - 1;
	for (;;) {
		uint64_t at = (mask * 3 + 4) / 5; /* the first used with used*5 >= mask*3 */
		if (n < at)
			break;
		uint64_t minused = at > 50000 ? at * 2 : at * 4;
		uint64_t size = SET_MINSIZE;
		while (size <= minused)
			size <<= 1;
		mask = size - 1;
	}
	return mask + 1 == SET_MINSIZE ? SET_HEAD : SET_HEAD + (mask + 1) * SET_ENTRY;
}
