/*
 * Déclarations IA: a Cockpit plugin (registered by cockpit/scripts/config.js, customScripts). In a process
 * instance's view, an action button opens our history page of that instance's business key ("2027" for a campaign,
 * "2027-MRNF" for a declaration): the whole timeline, which Cockpit of the Community Edition cannot show once the
 * process has ended. The link goes through the search by business key, which answers 404 for an unknown key.
 */

const english = /^en\b/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');
const base = document.querySelector('base');
// the webapps live under /camunda; our pages at the root of the same application
const productRoot = ((base && base.getAttribute('app-root')) || '/camunda').replace(/\/camunda\/?$/, '');

async function businessKey(api, processInstanceId) {
  const response = await fetch(`${api.engineApi}/process-instance/${encodeURIComponent(processInstanceId)}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (!response.ok) {
    return null;
  }
  const instance = await response.json();
  return instance.businessKey || null;
}

export default {
  id: 'declarations-ia-history-link',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 30,
  render: (node, { api, processInstanceId }) => {
    businessKey(api, processInstanceId).then(key => {
      if (!key) {
        return;
      }
      const name = english ? `History of ${key} (timeline of the campaign or declaration)`
        : `Historique de ${key} (chronologie de la campagne ou de la déclaration)`;
      const link = document.createElement('a');
      link.className = 'btn btn-default btn-toolbar dia-history-link';
      link.href = `${productRoot}/campagnes/historique?cle=${encodeURIComponent(key)}`;
      link.title = name;
      link.setAttribute('aria-label', name);
      const icon = document.createElement('span');
      icon.className = 'glyphicon glyphicon-time';
      icon.setAttribute('aria-hidden', 'true');
      link.appendChild(icon);
      node.appendChild(link);
    }).catch(() => {
      // no link rather than a broken one: Cockpit itself goes on
    });
  }
};
