using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Authorization;

// What makes a password acceptable, after OWASP ASVS 2.1: length rather than composition (Identity checks the minimum,
// MinLength; no digit, capital or symbol is required, and any character is allowed, spaces included), at most
// MaxLength, and none of the passwords an attacker tries first: the common ones shipped with the app
// (CommonPasswords.txt), obvious patterns, and the user's own address or name or the application's name.
// Identity runs it wherever a password is set: accepting an invitation, changing a password, seeding the demo.
public sealed class PasswordPolicy : IPasswordValidator<ApplicationUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public const string TooLongMessage = "The password must be at most 128 characters.";
    public const string CommonMessage =
        "This password is too common: it is one of the passwords (or a common word with digits or symbols added) that attackers try first. Choose another; a few unrelated words make a good one.";
    public const string PersonalMessage =
        "The password must not contain your email address, your name or the name of this application.";

    // Words of the application's own that a password must not contain, written as Normalised leaves them.
    private static readonly string[] ApplicationWords = ["resolutiontracker"];

    // A context word shorter than this is too likely to turn up by chance inside an unrelated password.
    private const int ShortestPersonalWord = 3;

    private static readonly FrozenSet<string> Common = LoadCommon();

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length > MaxLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = TooLongMessage });
        if (IsCommon(password))
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = CommonMessage });
        else if (ContainsPersonalWord(password, user))
            errors.Add(new IdentityError { Code = "PasswordContainsPersonalWord", Description = PersonalMessage });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    // The password, in lower case, is in the list, or is a listed word with digits or symbols around it, letters
    // swapped for look-alike digits or symbols, or separators in it; or it is a run (abcdef, 98765) or a short group
    // repeated (aaaa, 121212), with or without such additions.
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        var trailing = lower.TrimEnd(NotLetters(lower));
        var both = trailing.TrimStart(NotLetters(trailing));
        var forms = new HashSet<string>(StringComparer.Ordinal) { lower, trailing, both };
        foreach (var form in forms.ToList())
        {
            forms.Add(Unswapped(form, one: 'i'));
            forms.Add(Unswapped(form, one: 'l'));
        }
        foreach (var form in forms.ToList())
            forms.Add(WithoutSeparators(form));
        return forms.Any(form => form.Length > 0 && (IsListed(form) || IsPattern(form)));
    }

    private static bool IsListed(string form) =>
        Common.Contains(form) || (RepeatedUnit(form) is { } unit && Common.Contains(unit));

    private static bool IsPattern(string form) =>
        IsRun(form) || RepeatedUnit(form) is { Length: <= 3 } || (RepeatedUnit(form) is { } unit && IsRun(unit));

    // Every character the next one along the alphabet or the digits (9 then 0), all the same way: abcd, 3210, 7890.
    private static bool IsRun(string form)
    {
        if (form.Length < 3)
            return false;
        var digits = form.All(char.IsAsciiDigit);
        if (!digits && !form.All(char.IsAsciiLetterLower))
            return false;
        int Step(int i) => digits ? (form[i] - form[i - 1] + 10) % 10 : form[i] - form[i - 1];
        var step = Step(1);
        if (step != 1 && step != (digits ? 9 : -1))
            return false;
        for (var i = 2; i < form.Length; i++)
        {
            if (Step(i) != step)
                return false;
        }
        return true;
    }

    // The shortest group the form is made of, when it is that group twice or more (passwordpassword, ababab).
    private static string? RepeatedUnit(string form)
    {
        for (var length = 1; length <= form.Length / 2; length++)
        {
            if (form.Length % length != 0)
                continue;
            var unit = form[..length];
            if (string.Concat(Enumerable.Repeat(unit, form.Length / length)) == form)
                return unit;
        }
        return null;
    }

    private static char[] NotLetters(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    // Digits and symbols read as the letters they stand in for (p@ssw0rd); a 1 is tried as i and as l.
    private static string Unswapped(string form, char one)
    {
        var sb = new StringBuilder(form.Length);
        foreach (var c in form)
        {
            sb.Append(c switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '3' => 'e',
                '$' or '5' => 's',
                '7' or '+' => 't',
                '!' => 'i',
                '1' => one,
                _ => c,
            });
        }
        return sb.ToString();
    }

    private static string WithoutSeparators(string form) =>
        string.Concat(form.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.' or ',' or '/' or '+')));

    // Letters and digits only, in lower case, so "Jane.Smith" and "jane smith" read the same.
    private static string Normalised(string text) =>
        string.Concat(text.ToLowerInvariant().Where(char.IsLetterOrDigit));

    private static bool ContainsPersonalWord(string password, ApplicationUser user)
    {
        var normalised = Normalised(password);
        return PersonalWords(user).Concat(ApplicationWords)
            .Any(word => word.Length >= ShortestPersonalWord && normalised.Contains(word, StringComparison.Ordinal));
    }

    // The address's part before the @, whole and in its pieces (jane.smith: jane, smith), the user name likewise, and
    // the display name whole. Not the display name's words one by one: the demo accounts' published password holds
    // the word "Demo" of their names, and a person's names are in their address already.
    private static IEnumerable<string> PersonalWords(ApplicationUser user)
    {
        foreach (var address in new[] { user.Email, user.UserName })
        {
            if (string.IsNullOrWhiteSpace(address))
                continue;
            var local = address.Split('@')[0];
            yield return Normalised(local);
            foreach (var piece in local.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries))
                yield return Normalised(piece);
        }
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
            yield return Normalised(user.DisplayName);
    }

    private static FrozenSet<string> LoadCommon()
    {
        const string name = "ResolutionTracker.Web.Authorization.CommonPasswords.txt";
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The list of common passwords ({name}) is not in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
                words.Add(word.ToLower(CultureInfo.InvariantCulture));
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
