/*
 * Déclarations IA: the one custom script of Cockpit, Tasklist, Admin and Welcome, registered by each app's
 * scripts/config.js (customScripts: ['../declarations-ia/webapps']). The webapps import it as an ES module before
 * they start; it exports no plugin and only works on the page they render:
 *
 * 1. <html lang> follows the language shown (index.html always says "en"), chosen by the same rule as the webapps:
 *    the browser's first language, English if it is English, French otherwise (locales.fallbackLocale: 'fr').
 * 2. Icon-only buttons and links get an accessible name (aria-label): their own tooltip when they have one,
 *    otherwise the text below. The typeahead of the search widget gets role="combobox", the role that allows the
 *    aria-expanded / aria-autocomplete it already carries; a form label that points to no field is tied to its own;
 *    Welcome's empty icon links, which double the named links below them, leave the tab order.
 * 3. Tasklist: once a task's form is submitted (HTTP 2xx), the error notices of the earlier tries go: an error that
 *    was corrected must not stay on screen beside the success (Tasklist keeps its notices until closed).
 * 5. Cockpit is read-only for managers: its actions (cancel, suspend, retry, add, edit or delete a variable) show to
 *    coordinators only, by the same class; the engine refuses them to the others anyway.
 * 4. Tasklist: "Create task" and "Start process" (and their shortcut, ctrl+alt+p) are for coordinators only.
 *    styles: ../declarations-ia/webapps.css hides them until this script has read, from the engine REST API, that
 *    the logged-in user is a member of the group "coordinators". This is presentation only: the engine's
 *    authorizations already refuse what other users would try (no CREATE on tasks, no CREATE_INSTANCE on
 *    process definitions), and the start dialog lists only the processes the user may start.
 */

const COORDINATORS = 'coordinators';

const base = document.querySelector('base');
const appName = (base && base.getAttribute('app-name')) || '';
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const english = /^en\b/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');
const text = (fr, en) => (english ? en : fr);

document.documentElement.lang = english ? 'en' : 'fr';

/** Tasklist: whether the logged-in user is a coordinator (false until the engine says so), and who was checked. */
let coordinator = false;
let checkedUser = null;

/** Names for the icon-only controls that have no tooltip to borrow one from (selector, French, English). */
const NAMES = [
  ['.region-toggle[data-region="filters"]', 'Afficher ou masquer la liste des filtres', 'Show or hide the filter list'],
  ['.region-toggle[data-region="list"]', 'Afficher ou masquer la liste des tâches', 'Show or hide the task list'],
  ['.region-toggle[data-region="task"]', 'Afficher ou masquer le détail de la tâche', 'Show or hide the task details'],
  ['.region-toggle', 'Afficher ou masquer cette colonne', 'Show or hide this column'],
  ['.maximize', 'Agrandir la zone de la tâche', 'Maximize the task area'],
  ['.reset-regions', 'Rétablir la disposition des colonnes', 'Restore the column layout'],
  ['.stored-criteria > .dropdown-toggle', 'Recherches enregistrées', 'Saved searches'],
  ['button[ng-click^="storedCriteriaSaveClick"]', 'Enregistrer la recherche', 'Save the search'],
  ['.app-switch > .dropdown-toggle', 'Changer d’application', 'Switch application'],
  ['.definition-version .dropdown-toggle', 'Choisir une autre version', 'Choose another version'],
  ['.new-sort > .dropdown-toggle', 'Ajouter un tri', 'Add sorting'],
  ['.sort-by .dropdown-toggle', 'Changer le critère de tri', 'Change the sort criterion'],
  ['.instance-link', 'Ouvrir l’instance de processus dans Cockpit', 'Open the process instance in Cockpit'],
  ['[state-circle].circle-red', 'Instance avec incidents', 'Instance with incidents'],
  ['[state-circle]', 'Instance sans incident', 'Instance without incidents'],
  ['.section-toggle', 'Afficher ou masquer cette section', 'Toggle this section'],
  ['.navbar-toggle', 'Afficher ou masquer la navigation', 'Toggle navigation'],
  ['[cam-widget-search] .search-label .remove-search, .remove-search', 'Retirer ce critère', 'Remove this criterion'],
  ['.glyphicon-remove, .glyphicon-remove-sign, .glyphicon-trash', 'Supprimer', 'Delete'],
  ['.glyphicon-pencil, .glyphicon-edit', 'Modifier', 'Edit'],
  ['.glyphicon-plus, .glyphicon-plus-sign', 'Ajouter', 'Add'],
  ['.glyphicon-ok', 'Confirmer', 'Confirm'],
  ['.glyphicon-link', 'Copier le lien', 'Copy the link'],
  ['.glyphicon-copy', 'Copier', 'Copy'],
  ['.glyphicon-refresh', 'Actualiser', 'Refresh']
];

const CONTROLS = 'button, a[href], [role="button"]';
let fieldCount = 0;
const START_PROCESS_KEY = 'ctrl+alt+p';

function hasName(element) {
  if (element.hasAttribute('aria-labelledby') || element.hasAttribute('title')) {
    return true;
  }
  const label = element.getAttribute('aria-label');
  if (label && label.trim() && !element.hasAttribute('data-dia-label')) {
    return true;
  }
  // innerText leaves out what CSS hides (e.g. a label shown only on wide screens), as screen readers do
  if ((element.innerText || '').trim()) {
    return true;
  }
  return !!element.querySelector('img[alt]:not([alt=""])');
}

function nameFor(element) {
  const tooltip = element.getAttribute('uib-tooltip') || element.getAttribute('tooltip') || element.getAttribute('data-original-title');
  if (tooltip && tooltip.trim() && !/\{\{/.test(tooltip)) {
    return tooltip.trim();
  }
  for (const [selector, fr, en] of NAMES) {
    if (element.matches(selector) || element.querySelector(selector)) {
      return text(fr, en);
    }
  }
  return null;
}

function hideStartShortcutHelp() {
  // the keyboard shortcuts dialog lists ctrl+alt+p ("start process") for everyone
  for (const cell of document.querySelectorAll('.shortcut-modal td:first-child')) {
    if (cell.textContent.trim() === START_PROCESS_KEY) {
      cell.parentElement.hidden = !coordinator;
    }
  }
}

function nameControls() {
  for (const element of document.querySelectorAll(CONTROLS)) {
    if (element.closest('svg')) {
      continue;
    }
    // ours to refresh (a tooltip may change, e.g. "Ascending" / "Descending"), or still nameless
    if (element.hasAttribute('data-dia-label') || !hasName(element)) {
      const name = nameFor(element);
      if (name && element.getAttribute('aria-label') !== name) {
        element.setAttribute('aria-label', name);
        element.setAttribute('data-dia-label', '');
      }
    }
  }
  for (const input of document.querySelectorAll('input[aria-autocomplete][aria-expanded]:not([role])')) {
    input.setAttribute('role', 'combobox');
  }
  // a form group's label that points nowhere, or elsewhere (Tasklist's "Create task" dialog says for="filter-form-color")
  for (const group of document.querySelectorAll('.form-group')) {
    const labels = group.querySelectorAll('label.control-label');
    const controls = group.querySelectorAll('input:not([type="hidden"]), select, textarea');
    if (labels.length !== 1 || controls.length !== 1) {
      continue;
    }
    const [label, control] = [labels[0], controls[0]];
    const target = label.htmlFor && document.getElementById(label.htmlFor);
    if (target !== control && !label.contains(control)) {
      if (!control.id) {
        control.id = 'dia-field-' + (++fieldCount);
      }
      label.htmlFor = control.id;
    }
  }
  // Welcome: each application's icon is an empty link doubling the named link under it: out of the tab order and
  // hidden from screen readers, the named link stays
  for (const link of document.querySelectorAll('a.app-label-wrapper:not([aria-hidden])')) {
    const named = link.parentElement && link.parentElement.querySelector('.app-name a[href]');
    if (named && named.getAttribute('href') === link.getAttribute('href')) {
      link.setAttribute('aria-hidden', 'true');
      link.setAttribute('tabindex', '-1');
    }
  }
  // Cockpit's diagram toggles ("Activity instance statistics: on"): a radio drawn inside the link, named by its tooltip
  for (const input of document.querySelectorAll('.overlay-link input.toggle:not([aria-label])')) {
    const link = input.closest('.overlay-link');
    const name = link && link.getAttribute('uib-tooltip');
    if (name) {
      input.setAttribute('aria-label', name);
    }
  }
}

let scheduled = false;
function schedule() {
  if (!scheduled) {
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      nameControls();
      if (appName === 'tasklist') {
        hideStartShortcutHelp();
      }
    }, 100);
  }
}

function observe() {
  nameControls();
  new MutationObserver(schedule).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['uib-tooltip', 'class']
  });
}

if (document.body) {
  observe();
} else {
  document.addEventListener('DOMContentLoaded', observe);
}

/* Tasklist: "Create task" and "Start process" for coordinators only. */

function engineName() {
  // /camunda/app/tasklist/<engine>/
  const parts = location.pathname.split('/');
  const index = parts.indexOf(appName);
  return (index >= 0 && parts[index + 1]) || 'default';
}

async function json(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}

async function checkCoordinator() {
  let userId = null;
  try {
    const engine = encodeURIComponent(engineName());
    const authentication = await json(`${appRoot}/api/admin/auth/user/${engine}`);
    userId = (authentication && authentication.userId) || null;
    if (userId && userId !== checkedUser) {
      const groups = await json(`${appRoot}/api/engine/engine/${engine}/identity/groups?userId=${encodeURIComponent(userId)}`);
      coordinator = (groups.groups || []).some(group => group.id === COORDINATORS);
    }
  } catch (error) {
    // not logged in (yet), or the API refused: keep the actions hidden
    userId = null;
  }
  if (!userId) {
    coordinator = false;
  }
  checkedUser = userId;
  document.documentElement.classList.toggle('dia-coordinator', coordinator);
  hideStartShortcutHelp();
}

if (appName === 'tasklist' || appName === 'cockpit') {
  checkCoordinator();
  // a logout and a new login in the page go through the login route; other route changes keep the same user
  window.addEventListener('hashchange', () => {
    if (!checkedUser || location.hash.startsWith('#/login')) {
      checkCoordinator();
    }
  });
  // the "start process" shortcut (ctrl+alt+p) opens the same dialog as the hidden action
  window.addEventListener('keydown', event => {
    if (!coordinator && event.ctrlKey && event.altKey && (event.code === 'KeyP' || (event.key || '').toLowerCase() === 'p')) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
}

/** A task completed (its form submitted, or completed): the error notices left by earlier tries are closed. */
const TASK_DONE = /\/task\/[^/]+\/(submit-form|complete)$/;

function closeErrorNotices() {
  document.querySelectorAll('.alert-danger button.close[ng-click^="removeNotification"]').forEach(close => close.click());
}

if (appName === 'tasklist') {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && TASK_DONE.test(String(url).split('?')[0])) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          closeErrorNotices();
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}
