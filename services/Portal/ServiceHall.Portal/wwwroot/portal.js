// Optional: search-as-you-type completions in a <datalist>. Without script the search box is a plain form.
(function () {
  var input = document.querySelector('input[name=q][data-suggest]');
  if (!input || !window.fetch) return;
  var list = document.createElement('datalist');
  list.id = 'q-suggestions';
  input.after(list);
  input.setAttribute('list', list.id);
  var timer, pending;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (!q) { list.replaceChildren(); return; }
    timer = setTimeout(function () {
      if (pending) pending.abort();
      pending = new AbortController();
      fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q), { signal: pending.signal, headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          list.replaceChildren.apply(list, (body.suggestions || []).map(function (s) {
            var option = document.createElement('option');
            option.value = s.text;
            return option;
          }));
        })
        .catch(function () { /* completions are a nicety: the form works without them */ });
    }, 200);
  });
})();
