// The "I run Rancher …" choice on every page, in plain DOM code (no framework: this runs on every
// page and must stay small). It shows the choice, keeps it in the shared version preference, and
// on guidance pages marks the rows of the "Advice by Rancher version" table that hold for the
// chosen release and copies them into the aside at the top. Only text and cloned page content go
// into the page; nothing is built from strings.
import { choiceFor, inRange, profileOf } from '../rules/versions.ts';
import { DEFAULT_PROFILE_TEXT, readVersionPreference, VERSION_EVENT, VERSION_STORAGE_KEY, writeVersionPreference } from './version-preference.ts';

const root = document.querySelector<HTMLElement>('[data-version-choice]');
const select = root?.querySelector<HTMLSelectElement>('select');

function rowApplies(row: HTMLTableRowElement, version: string): boolean {
  return inRange(version, { since: row.dataset.since || undefined, until: row.dataset.until || undefined });
}

function show(version: string | undefined): void {
  const choice = version === undefined ? undefined : choiceFor(version);
  if (select) select.value = choice?.value ?? '';
  const profile = root?.querySelector<HTMLElement>('[data-version-profile]');
  if (profile) profile.textContent = version === undefined ? DEFAULT_PROFILE_TEXT : `Checked as ${profileOf(version).label}.`;

  const rows = [...document.querySelectorAll<HTMLTableRowElement>('.version-notes-table tbody tr')];
  const applying = rows.filter((row) => version !== undefined && rowApplies(row, version));
  for (const row of rows) {
    const applies = applying.includes(row);
    row.classList.toggle('version-applies', applies);
    const badge = row.querySelector<HTMLElement>('.version-badge');
    if (badge) badge.hidden = !applies;
  }

  const aside = document.querySelector<HTMLElement>('[data-version-aside]');
  if (!aside) return;
  if (version === undefined) {
    aside.hidden = true;
    return;
  }
  const named = `Rancher ${choice?.label ?? version}`;
  const summary = aside.querySelector<HTMLElement>('[data-version-summary]');
  if (summary)
    summary.textContent =
      applying.length === 0
        ? `For ${named}, the advice on this page holds as written.`
        : `For ${named}, the advice on this page differs in ${applying.length === 1 ? 'one way' : `${applying.length} ways`}:`;
  const list = aside.querySelector<HTMLElement>('[data-version-list]');
  if (list) {
    list.replaceChildren(
      ...applying.map((row) => {
        const item = document.createElement('li');
        const text = row.querySelector('[data-version-text]');
        if (text) item.append(...[...text.childNodes].map((n) => n.cloneNode(true)));
        return item;
      }),
    );
    list.hidden = applying.length === 0;
  }
  aside.hidden = false;
}

if (root && select) {
  select.addEventListener('change', () => writeVersionPreference(select.value || undefined));
  // The preference may change elsewhere: the checker on this page, or this site in another tab.
  window.addEventListener(VERSION_EVENT, (event) => show((event as CustomEvent<string | null>).detail ?? undefined));
  window.addEventListener('storage', (event) => {
    if (event.key === VERSION_STORAGE_KEY || event.key === null) show(readVersionPreference());
  });
  show(readVersionPreference());
}
