// Fills a person's gender and birth date from a valid resident identity number (GB 11643-1999) as
// it is typed; the server checks all three again, so an edited field is still refused if wrong.
// An identity field "x.idNumber" fills "x.gender" and "x.birthDate" of the same form.
(function () {
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = "10X98765432";

  function valid(number) {
    if (!/^\d{17}[\dX]$/.test(number)) {
      return false;
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += (number.charCodeAt(i) - 48) * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11) === number.charAt(17);
  }

  function fill(input) {
    var number = input.value.trim().toUpperCase();
    if (!input.form || !valid(number)) {
      return;
    }
    var prefix = input.name.slice(0, input.name.length - "idNumber".length);
    var birth = input.form.elements[prefix + "birthDate"];
    var gender = input.form.elements[prefix + "gender"];
    if (birth) {
      birth.value = number.slice(6, 10) + "-" + number.slice(10, 12) + "-" + number.slice(12, 14);
    }
    if (gender) {
      gender.value = (number.charCodeAt(16) - 48) % 2 === 1 ? "MALE" : "FEMALE";
    }
  }

  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && /(^|\.)idNumber$/.test(target.name)) {
      fill(target);
    }
  });
})();
