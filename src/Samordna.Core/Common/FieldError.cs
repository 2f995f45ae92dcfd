namespace Samordna.Core.Common;

/// <summary>A problem with one input field, worded in Swedish for the person who typed it.</summary>
/// <param name="Field">The field name as the API and form know it, e.g. "populations.2180".</param>
public sealed record FieldError(string Field, string Message);

/// <summary>Either a value or the reasons there is none. Rules return this instead of throwing.</summary>
public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<FieldError> errors) { Value = value; Errors = errors; }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool IsValid => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);
    public static Result<T> Fail(IEnumerable<FieldError> errors) => new(default, errors.ToList());
    public static Result<T> Fail(string field, string message) => Fail([new FieldError(field, message)]);
}
