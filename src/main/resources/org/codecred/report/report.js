// CodeCred month report: filters and searches the providers table in the page itself.
// No request of any kind: the rows are already in the page; this only hides and shows them.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('provider-table');
  if (!form || !table) {
    return;
  }
  var heads = table.tHead.rows[0].cells;
  var column = {};
  for (var i = 0; i < heads.length; i++) {
    var name = heads[i].getAttribute('data-col');
    if (name) {
      column[name] = i;
    }
  }
  // each row's values, read once: cells hold plain text, lists are ", "-separated
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    function cell(name) {
      return tr.cells[column[name]].textContent;
    }
    function list(name) {
      var text = cell(name);
      return text ? text.split(', ') : [];
    }
    return {
      tr: tr,
      verdict: cell('verdict'),
      family: cell('family'),
      specialty: list('specialty'),
      rule: list('rule'),
      words: (cell('npi') + ' ' + cell('name')).toLowerCase().replace(/,/g, ' ')
    };
  });
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var search = document.getElementById('f-search');
  var shown = document.getElementById('shown');

  function matches(row, wanted, terms) {
    if (wanted.verdict && row.verdict !== wanted.verdict) return false;
    if (wanted.family && row.family !== wanted.family) return false;
    if (wanted.specialty && row.specialty.indexOf(wanted.specialty) < 0) return false;
    if (wanted.rule && row.rule.indexOf(wanted.rule) < 0) return false;
    for (var t = 0; t < terms.length; t++) {
      if (row.words.indexOf(terms[t]) < 0) return false;
    }
    return true;
  }

  function apply() {
    var wanted = {};
    selects.forEach(function (s) {
      wanted[s.getAttribute('data-col')] = s.value;
    });
    var terms = search.value.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var show = matches(row, wanted, terms);
      row.tr.hidden = !show;
      if (show) count++;
    });
    shown.textContent = 'Showing ' + count + ' of ' + rows.length + ' providers';
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () {
    window.setTimeout(apply, 0); // after the browser has reset the fields
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  // back from a provider's page, the browser may put the fields back as they were without an event
  window.addEventListener('pageshow', apply);
  form.hidden = false;
  apply();
})();
