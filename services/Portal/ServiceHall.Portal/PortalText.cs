using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace ServiceHall.Portal;

/// <summary>
/// The portal's words: Resources/PortalText.resx holds every string a reader sees, in Chinese (the neutral language);
/// another language is a PortalText.{culture}.resx beside it plus its name in Portal:Cultures.
/// </summary>
public sealed class PortalText;
