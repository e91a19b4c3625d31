/* manifest_emit.c: manifest.json, the task graph as the runner (or any
 * other scheduler) reads it. The format is docs/runtime.md's. */
#include "backend/python_emit.h"
#include "passes/loopsplit.h"

static void put_json_string(StrBuf *out, const char *s)
{
	sb_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			sb_printf(out, "\\%c", c);
		else if (c < 0x20)
			sb_printf(out, "\\u%04x", c);
		else
			sb_putc(out, (char)c);
	}
	sb_putc(out, '"');
}

static const char *const effect_words[] = {"stdout", "stdin", "files", "random", "unknown"};

/* The source lines of a task's statements, as [first, last] runs (hoisted
 * statements between them are not the task's). */
static void put_lines(StrBuf *out, const Partition *p, const Task *t)
{
	sb_putc(out, '[');
	int run_first = -1, run_last = -1;
	bool any = false;
	for (int s = t->first; s <= t->last + 1; s++) {
		bool in = s <= t->last && !p->hoisted[s];
		if (in) {
			SrcRange r = p->body->items[s]->range;
			if (run_first < 0)
				run_first = r.line;
			run_last = r.end_line;
			continue;
		}
		if (run_first >= 0) {
			sb_printf(out, "%s[%d, %d]", any ? ", " : "", run_first, run_last);
			any = true;
			run_first = -1;
		}
	}
	sb_putc(out, ']');
}

/* A number as a JSON number, a formula (or `unknown`) as a string the
 * runner evaluates (docs/runtime.md). */
static void put_memory(StrBuf *out, const char *memory)
{
	if (!memory) {
		put_json_string(out, "unknown");
		return;
	}
	bool number = *memory != '\0' && strspn(memory, "0123456789") == strlen(memory);
	if (number)
		sb_puts(out, memory);
	else
		put_json_string(out, memory);
}

void put_manifest(StrBuf *out, const Partition *p, const char *program, const char *source)
{
	sb_puts(out, "{\n  \"format\": \"surge-tasks\",\n  \"version\": 1,\n  \"program\": ");
	put_json_string(out, program);
	if (source) {
		/* the program's absolute path: its __file__ (CPython 3.9+ makes a
		 * script's __file__ absolute) */
		sb_puts(out, ",\n  \"source\": ");
		put_json_string(out, source);
	}
	sb_puts(out, ",\n  \"tasks\": [");
	for (int i = 0; i < p->ntasks; i++) {
		const Task *t = &p->tasks[i];
		sb_printf(out, "%s\n    {\"id\": %d, \"function\": \"task_%d\", \"lines\": ",
		          i ? "," : "", t->id, t->id);
		put_lines(out, p, t);
		sb_puts(out, ",\n     \"deps\": [");
		for (int d = 0; d < t->ndeps; d++)
			sb_printf(out, "%s%d", d ? ", " : "", t->deps[d]);
		sb_puts(out, "],\n     \"receives\": [");
		for (int r = 0; r < t->nrecv; r++) {
			sb_puts(out, r ? ", {\"name\": " : "{\"name\": ");
			put_json_string(out, t->recv[r].name);
			sb_printf(out, ", \"from\": %d, \"key\": ", t->recv[r].from);
			put_json_string(out, t->recv[r].name);
			sb_putc(out, '}');
		}
		sb_puts(out, "],\n     \"sends\": [");
		for (int r = 0; r < t->nsends; r++) {
			if (r)
				sb_puts(out, ", ");
			put_json_string(out, t->sends[r]);
		}
		/* what its statements bind: the names an error message's
		 * "Did you mean" may offer, as the program's globals would */
		sb_puts(out, "],\n     \"binds\": [");
		for (int r = 0; r < t->nglobals; r++) {
			if (r)
				sb_puts(out, ", ");
			put_json_string(out, t->globals[r]);
		}
		sb_puts(out, "],\n     \"effects\": [");
		bool first = true;
		for (int b = 0; b < 5; b++)
			if (t->effects & (1u << b)) {
				sb_printf(out, "%s\"%s\"", first ? "" : ", ", effect_words[b]);
				first = false;
			}
		sb_printf(out, "], \"commit\": %s, \"main\": %s,\n     \"work\": %.0f, \"memory\": ",
		          t->commit ? "true" : "false", t->main ? "true" : "false",
		          t->work < 1e18 ? t->work : 1e18); /* JSON has no inf */
		put_memory(out, t->memory);
		if (t->split_for)
			sb_printf(out, ",\n     \"split\": {\"items\": \"task_%d_items\", \"map\": "
			          "\"task_%d_map\", \"combine\": \"task_%d\", \"state\": %s, "
			          "\"chunks_per_worker\": %d}", t->id, t->id, t->id,
			          t->plan && t->plan->call ? "true" : "false", SPLIT_CHUNKS_PER_WORKER);
		sb_putc(out, '}');
	}
	sb_puts(out, "\n  ]\n}\n");
}
