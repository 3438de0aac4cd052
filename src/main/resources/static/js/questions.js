// The declaration page's questions asked only when another answer has a value (data-when-name, data-when-value):
// shown as soon as that value is chosen, hidden when it no longer is. The server decides the same on save, and keeps
// no answer to a question whose condition does not hold; without this script the page shows it once saved.
(function () {
  'use strict';
  var form = document.querySelector('form.declaration');
  if (!form) {
    return;
  }
  var conditional = Array.prototype.slice.call(form.querySelectorAll('.question[data-when-name]'));
  if (conditional.length === 0) {
    return;
  }

  // Whether an input (or a radio, a box of a group) of this name has the value. An input inside a hidden question
  // counts for nothing: an earlier question not asked has no answer that counts.
  function hasValue(name, value) {
    var inputs = form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.closest('.question[hidden]')) {
        continue;
      }
      var chosen = input.type === 'radio' || input.type === 'checkbox' ? input.checked : true;
      if (chosen && input.value === value) {
        return true;
      }
    }
    return false;
  }

  // In the page's order: a question that depends on an earlier conditional one sees it already settled.
  function update() {
    conditional.forEach(function (question) {
      question.hidden = !hasValue(question.getAttribute('data-when-name'), question.getAttribute('data-when-value'));
    });
  }

  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
}());
