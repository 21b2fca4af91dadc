// The search page: Pagefind's own JS API over the index the build wrote (no UI library, nothing
// from outside the site). The query and the filters live in the URL, so a filtered view can be
// shared, bookmarked and restored on load.

const root = document.querySelector("[data-etalase-search]");
const form = root.querySelector("form");
const query = form.elements.q;
const selects = [...form.querySelectorAll("select[data-filter]")];
const status = root.querySelector("[role=status]");
const list = root.querySelector("ol");
const more = root.querySelector("[data-more]");

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 200;
const collator = new Intl.Collator("id");
const numbers = new Intl.NumberFormat("id-ID");

const BROWSE_TERM = root.dataset.browseTerm; // a word every record holds: "all innovations"
// Counts before any search, from the page itself: value -> count, per filter.
const totals = Object.fromEntries(selects.map((select) => [
  select.name,
  Object.fromEntries([...select.options].filter((o) => o.value).map((o) => [o.value, Number(o.dataset.count)])),
]));

let results = [];
let shown = 0;
let latest = 0; // the newest search; an older one that finishes late is dropped
let countsLoaded = false;

root.hidden = false;
// `data-pagefind` is relative to the page; import() would resolve it against this script.
const PAGEFIND = new URL(root.dataset.pagefind, document.baseURI).href;
let opening = null;

// In a preview, the index of the records saved since the whole one was written sits in its folder
// (site/search_index.py: write_saved); the page merges it, and leaves out the whole index's entries
// of those records, named in a list beside it. The list also names the whole index: when either
// changes, the page opens the index again before its next search, rather than being loaded again.
const SAVED = root.dataset.pagefindSaved ? new URL(root.dataset.pagefindSaved, document.baseURI) : null;
let savedList = ""; // that list as this page merged it
let replaced = new Set();
let reopened = 0;

// Pagefind with its index open; opened at the first use, so that a failure there is guarded too.
// In this page's thread, not Pagefind's worker: a failure in the worker reaches the console
// uncaught, wherever this page handles it (a query reads a few small chunks either way).
function pagefind() {
  // Once reopened, under another URL: an imported module is kept by its URL, with its index open.
  opening ??= import(reopened ? `${PAGEFIND}?reopened=${reopened}` : PAGEFIND).then(async (module) => {
    await module.options({ noWorker: true });
    await module.init();
    if (SAVED) await mergeSaved(module);
    return module;
  });
  return opening;
}

async function readSaved() {
  const response = await fetch(new URL("saved.json", SAVED), { cache: "no-store" });
  if (!response.ok) throw new Error("Failed to load Pagefind's saved records"); // being replaced: `guarded`
  return response.text();
}

async function mergeSaved(module) {
  savedList = await readSaved();
  const list = JSON.parse(savedList);
  replaced = new Set(list.replaced ?? []);
  if (!replaced.size) return; // nothing saved since the whole index was written
  await module.mergeIndex(new URL("saved/", SAVED).href);
}

// Another list than the one this page merged: the next search opens the index again.
async function reopenIfSaved() {
  if (!SAVED || !opening || (await readSaved()) === savedList) return;
  opening = null;
  reopened += 1;
}

// The index may be replaced while this page reads it (a preview writing the next one, a deploy half
// in a cache): its entry may be missing for a moment, and Pagefind names its other files by their
// content, so those of the old one are gone and its searches fail. The query and the filters are
// in the URL: the page is loaded again, a few times at most. Every use of the index goes through
// `guarded`.
const RELOADS = "etalase-search-reloads";

// Pagefind opens the index once more in a promise nothing awaits: the failure `guarded` handles
// would reach the console as an uncaught error too.
addEventListener("unhandledrejection", (event) => {
  if (String(event.reason?.message).startsWith("Failed to load Pagefind")) event.preventDefault();
});

function guarded(use) {
  return async (...args) => {
    try {
      await use(...args);
      sessionStorage.removeItem(RELOADS);
    } catch (error) {
      const reloads = Number(sessionStorage.getItem(RELOADS) || 0);
      if (reloads >= 3) {
        sessionStorage.removeItem(RELOADS);
        status.textContent = "Indeks pencarian tidak dapat dimuat. Coba muat ulang halaman ini nanti.";
        throw error;
      }
      sessionStorage.setItem(RELOADS, String(reloads + 1));
      status.textContent = "Indeks pencarian sedang diperbarui; halaman dimuat ulang.";
      setTimeout(() => location.reload(), 1000);
    }
  };
}

function chosenFilters(except) {
  const chosen = {};
  for (const select of selects) {
    if (select.value && select.name !== except) chosen[select.name] = select.value;
  }
  return chosen;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  query.value = params.get("q") || "";
  for (const select of selects) {
    const value = params.get(select.name) || "";
    // A value this site no longer has stays chosen (and finds nothing) rather than vanish silently.
    if (value && !(value in totals[select.name])) select.add(new Option(value, value));
    select.value = value;
  }
}

function writeUrl() {
  const params = new URLSearchParams();
  if (query.value.trim()) params.set("q", query.value.trim());
  for (const [key, value] of Object.entries(chosenFilters())) params.set(key, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

// Null when nothing is asked. Filters alone search for the word every record holds: a search
// without words would make Pagefind fetch every chunk of the index.
async function search(except) {
  const words = query.value.trim();
  const filters = chosenFilters(except);
  if (!words && !Object.keys(filters).length) return null;
  const found = await (await pagefind()).search(words || BROWSE_TERM, { filters });
  if (replaced.size) found.results = found.results.filter((result) => !replaced.has(result.id));
  if (!words) found.results.sort((a, b) => browsePlace(a.id) - browsePlace(b.id));
  return found;
}

// A result's place among all innovations by title: the build names each one's data so
// (site/stable_index.py), "<folder>/<place in hexadecimal>".
function browsePlace(id) {
  return parseInt(id.slice(id.lastIndexOf("/") + 1), 16);
}

// The filter index (all filters, some 20 KB each per 10,000 innovations) is fetched only once a
// visitor turns to the filters; until then the page shows the counts it was built with.
async function loadCounts() {
  if (countsLoaded) return;
  countsLoaded = true;
  await (await pagefind()).filters();
  await run();
}

// Counts of each filter value among the matches of the query and of the *other* filters, so a
// visitor sees what choosing another value would give instead of zeros beside every other value.
// Without counts (a query typed, filters not loaded yet) the values are listed bare.
function fillOptions(select, counts) {
  const chosen = select.value;
  const values = Object.keys(counts || totals[select.name])
    .filter((value) => !counts || counts[value] > 0 || value === chosen);
  if (chosen && !values.includes(chosen)) values.push(chosen);
  values.sort((a, b) => (select.name === "tahun" ? collator.compare(b, a) : collator.compare(a, b)));
  select.replaceChildren(new Option("Semua", ""));
  for (const value of values) {
    const text = counts ? `${value} (${numbers.format(counts[value] || 0)})` : value;
    select.add(new Option(text, value));
  }
  select.value = chosen;
}

async function run() {
  const mine = ++latest;
  writeUrl();
  await reopenIfSaved();
  const main = await search();
  const perFilter = main && countsLoaded ? await Promise.all(selects.map((s) => (s.value ? search(s.name) : main))) : [];
  const first = main ? await load(main.results, 0) : [];
  if (mine !== latest) return;
  selects.forEach((select, i) => {
    let counts = null; // a query typed, filters not loaded yet: values listed bare
    if (!main) counts = totals[select.name];
    // No result set without this filter's own choice means nothing else was asked: the totals.
    else if (countsLoaded) counts = perFilter[i] ? perFilter[i].filters[select.name] || {} : totals[select.name];
    fillOptions(select, counts);
  });
  results = main ? main.results : [];
  shown = 0;
  list.replaceChildren();
  append(first);
  if (!main) status.textContent = "Ketik kata kunci atau pilih filter untuk menemukan inovasi.";
  else if (results.length) status.textContent = `${numbers.format(results.length)} inovasi ditemukan${filtersSaid()}`;
  else status.textContent = `Tidak ada inovasi yang cocok${filtersSaid()}. Coba kata lain atau hapus sebagian filter.`;
}

// The chosen filters, in the status line: a screen reader hears each change of filter, even one
// that leaves the count as it was.
function filtersSaid() {
  const chosen = selects.filter((select) => select.value).map((select) => `${select.labels[0].textContent}: ${select.value}`);
  return chosen.length ? `, disaring menurut ${chosen.join("; ")}` : "";
}

// Pagefind fetches each result's data (a small fragment) only when asked: one page at a time.
function load(from, start) {
  return Promise.all(from.slice(start, start + PAGE_SIZE).map((result) => result.data()));
}

function append(items) {
  list.append(...items.map(renderResult));
  shown += items.length;
  more.hidden = shown >= results.length;
}

async function showMore() {
  const current = results;
  const items = await load(current, shown);
  if (current !== results) return;
  const first = list.children.length;
  append(items);
  // Keyboard users continue from the first new result instead of the button that vanished.
  list.children[first]?.querySelector("a").focus();
}

function renderResult(data) {
  const item = document.createElement("li");
  item.className = "etalase-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const region = document.createElement("p");
  region.className = "etalase-result__region";
  region.textContent = data.meta.region;
  const summary = document.createElement("p");
  summary.textContent = data.meta.summary;
  item.append(heading, region, summary);
  const badges = JSON.parse(data.meta.badges || "[]");
  if (badges.length) {
    const awards = document.createElement("ul");
    awards.className = "etalase-result__awards";
    awards.setAttribute("aria-label", "Penghargaan");
    for (const badge of badges) {
      const award = document.createElement("li");
      award.textContent = badge;
      awards.append(award);
    }
    item.append(awards);
  }
  return item;
}

const showResults = guarded(run);
const openFilters = guarded(loadCounts);
let typing;
query.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(showResults, TYPING_PAUSE_MS);
});
for (const select of selects) select.addEventListener("change", () => (countsLoaded ? showResults() : openFilters()));
const filterBox = form.querySelector("fieldset");
filterBox.addEventListener("focusin", openFilters, { once: true });
filterBox.addEventListener("pointerdown", openFilters, { once: true });
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  showResults();
});
// A reset clears the controls only after this event: search once it has.
form.addEventListener("reset", () => setTimeout(showResults));
more.addEventListener("click", guarded(showMore));

readUrl();
if (Object.keys(chosenFilters()).length) await openFilters();
else await showResults();
