# syntax=docker/dockerfile:1
# ResolutionTracker web app. Build:  docker build -t resolutiontracker .
# The same image serves (default) and migrates the database (argument "migrate").
# Serving needs ConnectionStrings__Default and Site__PublicUrl (the address users reach it at; see docs/deployment.md).

# --- build -------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Build-wide settings first (SDK version, central package versions, analyzers), then the sources.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet restore src/ResolutionTracker.Web/ResolutionTracker.Web.csproj
RUN dotnet publish src/ResolutionTracker.Web/ResolutionTracker.Web.csproj \
      -c Release -o /app --no-restore -p:UseAppHost=false

# --- runtime -----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# ASPNETCORE_HTTP_PORTS is emptied so Kestrel does not warn that ASPNETCORE_URLS overrides it.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY --from=build /app ./
# Non-root: the "app" user (UID $APP_UID = 1654) ships with the .NET images.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "ResolutionTracker.Web.dll"]
